// The rules, in a sorted list: adding a rule is adding its file (with its test) and a line here.
import type { Rule } from './rule';
import { gpuLimitRequired } from './gpu/limit-required';

export const RULES: readonly Rule[] = [gpuLimitRequired];
