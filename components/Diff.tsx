import type { DiffOp } from '../core/types';
import { useTestId } from './testid';

/** Props of {@link Diff}. */
export interface DiffProps {
  ops: DiffOp[];
  /** Show a one-line key of the marks above the text. */
  legend?: boolean;
  /** Test id name (prefixed by the surface); "diff" by default. */
  testId?: string;
}

/**
 * A word diff of the page against one version. Marks do not rely on colour: deleted words
 * (only on the page) are struck through, inserted words (only in the version) underlined,
 * and screen readers hear "removed:" / "added:" before them.
 */
export function Diff({ ops, legend = false, testId = 'diff' }: DiffProps) {
  const tid = useTestId(testId);
  return (
    <div class="qc-diff-wrap">
      {legend && (
        <p class="qc-legend">
          <del class="qc-del">struck through</del>: only on this page; <ins class="qc-ins">underlined</ins>: only in
          this version
        </p>
      )}
      <p class="qc-diff" data-testid={tid}>
        {ops.map((d, i) => {
          const sep = i > 0 ? ' ' : '';
          if (d.op === 'delete')
            return [
              sep,
              <del class="qc-del" key={i}>
                <span class="qc-sr">removed: </span>
                {d.text}
              </del>,
            ];
          if (d.op === 'insert')
            return [
              sep,
              <ins class="qc-ins" key={i}>
                <span class="qc-sr">added: </span>
                {d.text}
              </ins>,
            ];
          return [sep, d.text];
        })}
      </p>
    </div>
  );
}
