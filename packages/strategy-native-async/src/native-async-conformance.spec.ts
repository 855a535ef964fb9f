import { describeConformance } from '@waitless/strategy-testkit';
import { plugin } from './native-async-plugin';

describeConformance(plugin);
