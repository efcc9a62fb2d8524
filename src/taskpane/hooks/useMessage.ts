/**
 * The pane's one message (a MessageBar): what an action reports, or its error in the UI language.
 * Each new message gets a new id, which remounts the bar so screen readers announce it.
 */
import type { MessageBarIntent } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";
import { errorText, type Outcome } from "./useOperation";

export interface Message {
  id?: number;
  intent: MessageBarIntent;
  title?: string;
  text: string;
}

export function useMessage(lang: Lang) {
  const [message, setMessage] = useState<Message | null>(null);
  const ids = useRef(0);
  const show = useCallback((m: Message | null) => setMessage(m && { ...m, id: ++ids.current }), []);
  const clear = useCallback(() => setMessage(null), []);
  /** A success, titled "完成". */
  const done = useCallback(
    (text: string, intent: MessageBarIntent = "success") => show({ intent, title: tp(lang, "DONE_TITLE"), text }),
    [lang, show],
  );
  const showError = useCallback(
    (err: unknown) => show({ intent: "error", title: tp(lang, "ERROR_TITLE"), text: errorText(err, lang) }),
    [lang, show],
  );
  /** An operation that did not finish: cancelled, or its error. */
  const fail = useCallback(
    (out: Outcome<unknown>) => {
      if (out.cancelled) show({ intent: "info", text: tp(lang, "CANCELLED") });
      else if (out.error !== undefined) show({ intent: "error", title: tp(lang, "ERROR_TITLE"), text: out.error });
    },
    [lang, show],
  );
  return { message, show, clear, done, showError, fail };
}
