import { describeConformance } from '@waitless/strategy-testkit';
import { plugin } from './undici-pool-plugin';

describeConformance(plugin);
