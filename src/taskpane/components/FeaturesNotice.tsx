/**
 * What this Excel lacks of the optional features (src/excel/requirements.ts) and what the add-in
 * does instead: shown while any is missing, e.g. notes below ExcelApi 1.18.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { OPTIONAL, missingFeatures, type Caps } from "../../excel/requirements";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";

const useStyles = makeStyles({ list: { margin: 0, paddingInlineStart: "1.2em" } });

export function FeaturesNotice({ lang, caps }: { lang: Lang; caps: Caps }): JSX.Element | null {
  const styles = useStyles();
  const missing = missingFeatures(caps);
  if (!missing.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{tp(lang, "FEATURES_MISSING_TITLE")}</MessageBarTitle>
        <ul className={styles.list}>
          {missing.map((f) => (
            <li key={f}>{tp(lang, `FEATURE_${f}`, { set: `${OPTIONAL[f].name} ${OPTIONAL[f].version}` })}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
