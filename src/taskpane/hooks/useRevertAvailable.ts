/** Whether the workbook holds something to revert (enables the Revert button). */
import { useCallback, useState } from "react";
import type { WorkbookPort } from "../../excel/port";

export function useRevertAvailable(port: WorkbookPort) {
  const [canRevert, setCanRevert] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setCanRevert(await port.canRevert());
    } catch {
      setCanRevert(false);
    }
  }, [port]);
  return { canRevert, refresh };
}
