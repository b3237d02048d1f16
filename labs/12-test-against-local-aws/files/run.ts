import { main } from './smoke-test.ts';
await main();
