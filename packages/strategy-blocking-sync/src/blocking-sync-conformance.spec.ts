import { describeConformance } from '@waitless/strategy-testkit';
import { blockingSyncModule } from './blocking-sync-module';

describeConformance(blockingSyncModule);
