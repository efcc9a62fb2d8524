/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "CommonJS",
          moduleResolution: "Node",
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  // Tests that did not run are named at the end, with why; the suites that need Chromium or
  // LibreOffice say whether they ran (.ci/run checks those lines); under CI a skip fails the run.
  reporters: [
    "default",
    [
      "<rootDir>/test/reporters/not-run-reporter.js",
      {
        toolSuites: {
          "test/browser/pane.test.ts": "Chromium",
          "test/cli/libreoffice.test.ts": "LibreOffice",
          "test/cli/convert.test.ts": "LibreOffice",
        },
      },
    ],
  ],
};
