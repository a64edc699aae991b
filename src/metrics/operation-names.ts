// Bounds the `operation` label: every distinct label value is a new time series in Prometheus,
// and operation names are chosen by callers. Names are admitted first come, first served up to a
// cap; everything past it shares one label.

/** Label for operations without a name, and for requests that never resolved to an operation. */
export const UNNAMED_OPERATION = "(anonymous)";
/** Label for named operations once the cap is reached. */
export const OTHER_OPERATIONS = "(other)";

// GraphQL names, bounded in length; the parentheses above can never collide with one.
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class OperationNames {
  private readonly admitted = new Set<string>();

  /** @param max distinct operation names kept as their own label. @default 100 */
  constructor(readonly max = 100) {}

  /** The label to record for an operation name (null or undefined: unnamed or unresolved). */
  label(name: string | null | undefined): string {
    if (!name || !NAME.test(name)) return UNNAMED_OPERATION;
    if (this.admitted.has(name)) return name;
    if (this.admitted.size >= this.max) return OTHER_OPERATIONS;
    this.admitted.add(name);
    return name;
  }
}
