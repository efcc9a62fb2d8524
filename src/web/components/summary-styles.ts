/**
 * The styles the batch summary's parts share: a disclosure (a <summary> the keyboard reaches, with
 * a focus outline) and the small data tables behind it (numbers right-aligned, tabular figures).
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSummaryStyles = makeStyles({
  disclosure: {
    cursor: "pointer",
    width: "fit-content",
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  table: {
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "start",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: "anywhere",
    },
    "& .num": { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  },
});
