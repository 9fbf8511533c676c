/** OpenFlow 1.5 beyond the public corpus: see ofp14_suite.ts. */
import { nestedMessagesTest, runSuite } from './ofp14_suite.js';

runSuite('of15', 'ofp15', 100);
nestedMessagesTest(6);
