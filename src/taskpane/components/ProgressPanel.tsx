/** A running operation: its label, a ProgressBar fed by the port's progress, and Cancel. */
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../i18n/strings";
import type { Busy } from "../hooks/useOperation";
import { tp } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  field: { flexGrow: 1, minWidth: 0 },
});

export function ProgressPanel({ lang, busy, onCancel }: { lang: Lang; busy: Busy; onCancel: () => void }): JSX.Element {
  const styles = useStyles();
  const determinate = busy.total > 0;
  const hint = determinate
    ? tp(lang, "PROGRESS_STEP", { label: busy.step || busy.label, done: busy.done, total: busy.total })
    : busy.step || undefined;
  return (
    <section className={styles.root} aria-label={busy.label} aria-busy="true">
      <Field className={styles.field} label={busy.label} hint={hint}>
        <ProgressBar thickness="large" value={determinate ? Math.min(1, busy.done / busy.total) : undefined} max={1} />
      </Field>
      <Button onClick={onCancel} aria-label={tp(lang, "CANCEL_OPERATION")}>
        {tp(lang, "CANCEL")}
      </Button>
    </section>
  );
}
