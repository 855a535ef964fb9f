import { describeConformance } from '@waitless/strategy-testkit';
import { workerThreadedModule } from './worker-threaded-module';

describeConformance(workerThreadedModule);
