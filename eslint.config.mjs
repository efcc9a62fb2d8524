// ESLint flat config, picked up by `office-addin-lint check` (it uses ./eslint.config.mjs when
// present). Office add-in rules from eslint-plugin-office-addins (its React flavour, since the
// task pane is React), widened from .ts/.js to .tsx/.jsx too; prettier formatting follows
// .prettierrc.json (office-addin-prettier-config).
import officeAddins from "eslint-plugin-office-addins";
// Comes with eslint-plugin-office-addins / office-addin-lint; their own configs import it the same way.
import tsParser from "@typescript-eslint/parser";

const files = ["**/*.{ts,tsx,js,jsx,mjs,cjs}"];

export default [
  { ignores: ["dist/**", "build/**", "out/**", "coverage/**", "node_modules/**"] },
  // The plugin's TypeScript parser, prettier and office-addins rules come with a `files`
  // pattern that leaves out .tsx: apply them to every source file instead.
  ...officeAddins.configs.react.map((config) => (config.files ? { ...config, files } : config)),
  {
    files,
    // The plugin's config names the parser through a default import that is undefined.
    languageOptions: { parser: tsParser, ecmaVersion: 2022 },
    settings: { react: { version: "detect" } },
    rules: {
      // TypeScript checks names itself (npm run typecheck); ESLint's no-undef knows no TS types
      // or Office globals.
      "no-undef": "off",
      // The new JSX transform (tsconfig "jsx": "react-jsx") needs no React import.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed; no PropTypes.
      "react/prop-types": "off",
    },
  },
];
