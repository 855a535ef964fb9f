import { describeConformance } from '@waitless/strategy-testkit';
import { undiciPoolModule } from './undici-pool-module';

describeConformance(undiciPoolModule);
