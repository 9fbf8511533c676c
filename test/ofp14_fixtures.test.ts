/** OpenFlow 1.4 beyond the public corpus: see ofp14_suite.ts. */
import { nestedMessagesTest, runSuite } from './ofp14_suite.js';

runSuite('of14', 'ofp14', 90);
nestedMessagesTest(5);
