import { pickStep } from './pick-step';
import type { PipelineStep } from '@waitless/core/plugin';

/** Steps every pipeline can use without registering them (an app's own step of the same name wins). */
export const BUILTIN_STEPS: readonly PipelineStep[] = [pickStep];
