/**
 * A call whose arguments fail their method's schemas is refused before anything runs. The
 * refusal is an error, not a result: only a page that ignores the contract's types can send
 * one. Across comlink an error keeps its name and message only, so the name is its type.
 */
export const INPUT_REFUSED = 'WorkerInputRefused';

export class WorkerInputRefused extends Error {
  override readonly name = INPUT_REFUSED;
  readonly type = 'input-refused';

  constructor(readonly method: string, reason: string) {
    super(reason);
  }
}
