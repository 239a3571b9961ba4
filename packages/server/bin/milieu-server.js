#!/usr/bin/env node
// `milieu-server` command: thin launcher for the built server.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
