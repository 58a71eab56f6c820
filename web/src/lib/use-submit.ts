import { type FormEvent, useState } from "react";

/**
 * Form submission state shared by every form: a pending flag that disables the button, and the
 * last error for the alert region. `handler(action)` gives the onSubmit callback.
 */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  // Without an event when a confirmation dialog, not the form, starts the action.
  const handler = (action: () => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return { pending, error, handler };
}
