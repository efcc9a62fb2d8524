/**
 * How long the pane tests wait for React and Fluent UI to settle. These are upper bounds, not
 * timings: a test passes as soon as the pane shows what it expects. They are generous because CI
 * and shared machines run jsdom suites side by side on two cores, where one render can take
 * seconds (a dialog's surface and its focus trap mount in separate frames).
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(180_000);
