import { describeConformance } from '@waitless/strategy-testkit';
import { plugin } from './blocking-sync-plugin';

describeConformance(plugin);
