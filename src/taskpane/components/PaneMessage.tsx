/** The pane's one message bar, with a dismiss button. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Lang } from "../../i18n/strings";
import type { Message } from "../hooks/useMessage";
import { tp } from "../strings";

export function PaneMessage({
  lang,
  message,
  onDismiss,
}: {
  lang: Lang;
  message: Message;
  onDismiss: () => void;
}): JSX.Element {
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
        {message.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={tp(lang, "DISMISS")} onClick={onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
