/**
 * The web checker's entry: mounts the page in #root, in zh-CN (its switch turns it to en-US).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";

const root = document.getElementById("root");
if (root) createRoot(root).render(<App lang="zh" />);
