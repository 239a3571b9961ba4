#!/usr/bin/env node
// `milieu` command: thin launcher for the built CLI.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
