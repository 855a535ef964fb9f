// `@waitless/opentelemetry`: OpenTelemetry client spans for Waitless calls, from core's `waitless:fetch` tracing
// channel. The attribute helpers stay private; spans carry the stable HTTP semantic-convention names.
export {
  instrumentWaitless,
  INSTRUMENTATION_NAME,
  type WaitlessInstrumentationOptions,
  type WaitlessInstrumentation,
} from './instrument-waitless';
