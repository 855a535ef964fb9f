export { plugin } from './native-async-plugin';
export { NativeAsyncStrategy } from './native-async-strategy';
