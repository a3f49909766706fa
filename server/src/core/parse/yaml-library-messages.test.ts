// The yaml library's errors that keep their code, in words that say what happened and what to do.
import { checkFindings } from '../../../../test/harness/check';
import { fixture } from '../../../../test/harness/fixture';

describe("the yaml library's messages, reworded", () => {
  it('says a value has two anchors or two tags, and to remove one', () => {
    checkFindings(fixture`
      a: &x &y 1
      #     ^^ error[yaml/multiple-anchors]: This value has two anchors (&name): a value can have one. Remove one of them.
      b: !!str !!int 1
      #        ^^^^^ error[yaml/multiple-tags]: This value has two tags (!tag): a value can have one. Remove one of them.
    `);
  });

  it('says what a line starting with % is read as', () => {
    checkFindings(fixture`
      %FOO bar
      ^^^^^^^^ warning[yaml/bad-directive]: %FOO is not a YAML directive (a line that starts with % is read as one; only %YAML and %TAG exist), so YAML ignores the line. Remove it, or indent or quote it if it belongs to a value.
      ---
      a: 1
    `);
  });

  it('says where a list item on the line of its key belongs', () => {
    checkFindings(fixture`
      args: - --lr
      #     ^ error[yaml/unexpected-token]: A list item ("- ") cannot start on the same line as its key. Start the list on the next line, indented, or write it in brackets: [a, b].
    `);
  });

  it('asks for a space before a comment that touches a flow token', () => {
    checkFindings(fixture`
      b: [1,#x
      #     ^^ error[yaml/missing-char]: A comment needs a space before its #: here the # touches what comes before it. Add a space before #.
       2]
    `);
  });

  it('says which characters a plain value cannot start with, and to quote it', () => {
    checkFindings(fixture`
      owner: @ml-platform
      #      ^ error[yaml/bad-scalar-start]: A value written without quotes cannot start with @, which YAML reserves. Put the value in quotes.
    `);
  });

  it('says what may follow | or >', () => {
    checkFindings(fixture`
      script: |x
      #        ^ error[yaml/unexpected-token]: After | or > only - or + (how the last line break is kept) and an indentation digit may follow, not "|x". Start the text on the next line, indented.
        echo hi
    `);
  });

  it('says a line under a list item lacks its dash', () => {
    checkFindings(fixture`
      - a: 1
       b: 2
      ^ error[yaml/missing-char]: This line is read as an item of the list above, but has no "- ". Start it with "- ", or indent it under the item.
    `);
  });
});
