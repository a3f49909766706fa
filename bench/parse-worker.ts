// The parse benchmark's own process (bench/parse-scenario.ts starts it with the server's Node
// options): parses the files and prints the results as JSON on stdout.
import { readFileSync } from 'node:fs';
import { measureParses } from './parse-scenario';

const [fixture, sizes] = process.argv.slice(2);
if (!fixture || !sizes) throw new Error('usage: parse-worker <pytorchjob.yaml> <sizes, like 1,50,500>');
process.stdout.write(JSON.stringify(measureParses(readFileSync(fixture, 'utf8'), sizes.split(',').map(Number))));
