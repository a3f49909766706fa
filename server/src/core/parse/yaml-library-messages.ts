// The `yaml` library's messages for the errors that keep their library code, reworded to say what
// happened and what to do, as the placed syntax findings do (yaml-syntax-messages.ts). Errors the
// library words well enough keep its sentence; none is shown in the library's internal terms.
import type { YAMLError } from 'yaml';

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Rewordings by library code: a message pattern, and the message to show when it matches (or always, without one). */
const REWORDED: Record<string, { when?: RegExp; say: (match: RegExpExecArray | null, error: YAMLError) => string }[]> = {
  TAB_AS_INDENT: [{ say: () => 'Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.' }],
  BAD_DQ_ESCAPE: [{ say: () => 'Invalid escape sequence in a double-quoted string. Write the backslash as \\\\ or use single quotes.' }],
  TAG_RESOLVE_FAILED: [{ say: (_m, error) => `${sentence(error.message)} The value is kept as a string.` }],
  MULTIPLE_ANCHORS: [{ say: () => 'This value has two anchors (&name): a value can have one. Remove one of them.' }],
  MULTIPLE_TAGS: [{ say: () => 'This value has two tags (!tag): a value can have one. Remove one of them.' }],
  BAD_DIRECTIVE: [
    {
      when: /Unknown directive (\S+)/,
      say: (m) =>
        `${m?.[1] ?? 'This'} is not a YAML directive (a line that starts with % is read as one; only %YAML and %TAG exist), ` +
        'so YAML ignores the line. Remove it, or indent or quote it if it belongs to a value.',
    },
  ],
  KEY_OVER_1024_CHARS: [
    {
      say: () =>
        'This key is longer than the 1024 characters YAML allows for a key written without "? ". Shorten it, or write it ' +
        'as an explicit key: "? <key>" on one line and ": <value>" on the next.',
    },
  ],
  BAD_SCALAR_START: [
    {
      when: /character (\S)/,
      say: (m) =>
        `A value written without quotes cannot start with ${m?.[1] ?? 'this character'}, which YAML reserves. ` +
        'Put the value in quotes.',
    },
  ],
  UNEXPECTED_TOKEN: [
    {
      when: /block-seq-ind on same line with key/,
      say: () =>
        'A list item ("- ") cannot start on the same line as its key. Start the list on the next line, indented, ' +
        'or write it in brackets: [a, b].',
    },
    {
      when: /Block scalar header includes extra characters: (\S+)/,
      say: (m) =>
        `After | or > only - or + (how the last line break is kept) and an indentation digit may follow, not "${m?.[1] ?? ''}". ` +
        'Start the text on the next line, indented.',
    },
  ],
  MISSING_CHAR: [
    {
      when: /Comments must be separated/,
      say: () => 'A comment needs a space before its #: here the # touches what comes before it. Add a space before #.',
    },
    {
      when: /Sequence item without - indicator/,
      say: () => 'This line is read as an item of the list above, but has no "- ". Start it with "- ", or indent it under the item.',
    },
  ],
};

/** The message of a library error that no placed finding explains. */
export function libraryMessage(error: YAMLError): string {
  for (const rewording of REWORDED[error.code] ?? []) {
    const match = rewording.when ? rewording.when.exec(error.message) : null;
    if (!rewording.when || match) return rewording.say(match, error);
  }
  return sentence(error.message);
}
