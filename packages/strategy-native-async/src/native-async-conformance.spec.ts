import { describeConformance } from '@waitless/strategy-testkit';
import { nativeAsyncModule } from './native-async-module';

describeConformance(nativeAsyncModule);
