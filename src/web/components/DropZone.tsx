/**
 * Where files come in: drop files or folders on the zone, or pick them with the two buttons (the
 * file picker is `<input type="file" multiple data-testid="files">`, the folder picker a
 * webkitdirectory input). Each drop or pick is a new batch.
 */
import { Button, Caption1, Text, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { t, type Lang } from "../../i18n/strings";
import { fromDrop, fromFileList, type Picked } from "../files";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  over: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap", justifyContent: "center" },
  hidden: { display: "none" },
});

export interface DropZoneProps {
  lang: Lang;
  disabled: boolean;
  onFiles: (picked: Picked[], unreadable: string[]) => void;
}

export function DropZone({ lang, disabled, onFiles }: DropZoneProps) {
  const s = useStyles();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const { picked, unreadable } = await fromDrop(e.dataTransfer);
    onFiles(picked, unreadable);
  };
  const onPicked = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    const picked = fromFileList(input.files);
    // The same files may be picked again: the input must change value to fire again.
    input.value = "";
    onFiles(picked, []);
  };

  return (
    <div
      className={mergeClasses(s.zone, over && s.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? "none" : "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Text weight="semibold" size={400}>
        {t(lang, "WEB_DROP")}
      </Text>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => files.current?.click()}>
          {t(lang, "WEB_PICK_FILES")}
        </Button>
        <Button disabled={disabled} onClick={() => folder.current?.click()}>
          {t(lang, "WEB_PICK_FOLDER")}
        </Button>
      </div>
      <Caption1>{t(lang, "WEB_READS")}</Caption1>
      <input
        ref={files}
        className={s.hidden}
        type="file"
        multiple
        data-testid="files"
        accept=".xlsx,.xlsm,.xls,.et,.ods"
        aria-label={t(lang, "WEB_PICK_FILES")}
        tabIndex={-1}
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <input
        ref={(el) => {
          folder.current = el;
          // Not in React's typings; every browser the page targets reads it (Firefox since 50).
          el?.setAttribute("webkitdirectory", "");
        }}
        className={s.hidden}
        type="file"
        multiple
        data-testid="folder"
        aria-label={t(lang, "WEB_PICK_FOLDER")}
        tabIndex={-1}
        onChange={(e) => onPicked(e.currentTarget)}
      />
    </div>
  );
}
