import { describeConformance } from '@waitless/strategy-testkit';
import { plugin } from './worker-threaded-plugin';

describeConformance(plugin);
