// Runs mocha over the given compiled test files with the spec reporter and writes the
// counts to a stats file, so scripts/test.mjs can total every kind of test.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

const [statsFile, timeout, ...files] = process.argv.slice(2);

const mocha = new Mocha({ reporter: 'spec', timeout: Number(timeout), color: Boolean(process.stdout.isTTY) });
for (const file of files) mocha.addFile(file);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, pending = 0, failures: failed = 0 } = runner.stats ?? {};
  writeFileSync(statsFile, JSON.stringify({ passes, failures: failed, pending }));
  // Like `mocha --exit`: a handle a test leaves open must not keep CI waiting.
  process.exit(failures > 0 ? 1 : 0);
});
