#!/usr/bin/env node
import { runSubgraphCli } from './subgraph-cli';

// the process entry of `npm run subgraph`; everything testable lives in runSubgraphCli
runSubgraphCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
}).then((code) => process.exit(code));
