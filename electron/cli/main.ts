import { runCli } from './cli';
import { readSecretFromTerminal } from './read-secret';

const code = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  ...(process.stdin.isTTY ? { readSecret: readSecretFromTerminal } : {}),
});
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
