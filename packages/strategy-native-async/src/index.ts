export { NativeAsyncStrategy } from './native-async-strategy';
export { nativeAsyncModule } from './native-async-module';
