// Plausible --vscode-* variables for the harness page, as VS Code injects them into a webview. Values
// are from VS Code 1.100's Dark Modern, Light Modern and Dark High Contrast themes.

export interface HarnessTheme {
  bodyClass: string;
  variables: Record<string, string>;
}

const fonts = {
  '--vscode-font-family': '"Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
};

export const darkTheme: HarnessTheme = {
  bodyClass: 'vscode-dark',
  variables: {
    ...fonts,
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-input-background': '#313131',
    '--vscode-input-foreground': '#cccccc',
    '--vscode-input-border': '#3c3c3c',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-button-background': '#0078d4',
    '--vscode-errorForeground': '#f85149',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-inputValidation-errorBackground': '#5a1d1d',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-purple': '#b180d7',
  },
};

export const lightTheme: HarnessTheme = {
  bodyClass: 'vscode-light',
  variables: {
    ...fonts,
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-descriptionForeground': '#616161',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-input-background': '#ffffff',
    '--vscode-input-foreground': '#3b3b3b',
    '--vscode-input-border': '#cecece',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-button-background': '#005fb8',
    '--vscode-errorForeground': '#f85149',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-inputValidation-errorBackground': '#f2dede',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-charts-purple': '#652d90',
  },
};

export const highContrastTheme: HarnessTheme = {
  bodyClass: 'vscode-high-contrast',
  variables: {
    ...darkTheme.variables,
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-editorWidget-background': '#0c141f',
  },
};
