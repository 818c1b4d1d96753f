// Chart colours from VS Code's theme variables. VS Code sets the --vscode-* custom properties on the
// document and toggles vscode-light / vscode-dark / vscode-high-contrast(-light) on <body> when the
// theme changes, so the colours are read again on every class change.

export interface ThemeColours {
  foreground: string;
  mutedForeground: string;
  grid: string;
  background: string;
  /** Loss curve, 1-D curve and contour lines. */
  primary: string;
  /** The iterate path. */
  path: string;
  start: string;
  end: string;
  tangent: string;
  /** One colour per trace in the n-D chart, reused in order. */
  series: string[];
  fontFamily: string;
  fontSize: number;
  highContrast: boolean;
  /** Width of data lines in CSS pixels, larger in High Contrast themes. */
  lineWidth: number;
}

// Fallbacks are VS Code's Dark Modern values, used when a variable is missing (outside VS Code).
const fallback = {
  foreground: '#cccccc',
  mutedForeground: '#9d9d9d',
  border: '#2b2b2b',
  background: '#1f1f1f',
  blue: '#3794ff',
  red: '#f14c4c',
  green: '#89d185',
  orange: '#d18616',
  yellow: '#cca700',
  purple: '#b180d7',
};

/** Reads the current theme's colours from the CSS variables on the document. */
export function readThemeColours(): ThemeColours {
  const style = getComputedStyle(document.body);
  const read = (name: string, defaultValue: string): string => {
    const value = style.getPropertyValue(name).trim();
    return value === '' ? defaultValue : value;
  };
  const highContrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');

  const blue = read('--vscode-charts-blue', fallback.blue);
  const red = read('--vscode-charts-red', fallback.red);
  const green = read('--vscode-charts-green', fallback.green);
  const orange = read('--vscode-charts-orange', fallback.orange);
  const yellow = read('--vscode-charts-yellow', fallback.yellow);
  const purple = read('--vscode-charts-purple', fallback.purple);
  const foreground = read('--vscode-editor-foreground', fallback.foreground);
  const fontSize = parseFloat(read('--vscode-font-size', '13px'));

  return {
    foreground,
    mutedForeground: read('--vscode-descriptionForeground', fallback.mutedForeground),
    grid: read('--vscode-panel-border', fallback.border),
    background: read('--vscode-editorWidget-background', fallback.background),
    primary: blue,
    path: orange,
    start: green,
    end: red,
    tangent: purple,
    series: [blue, orange, green, purple, yellow, red],
    fontFamily: read('--vscode-font-family', 'system-ui, sans-serif'),
    fontSize: Number.isFinite(fontSize) ? fontSize : 13,
    highContrast,
    lineWidth: highContrast ? 2.5 : 1.5,
  };
}

/** Calls `onChange` whenever VS Code switches the theme, which it signals by changing <body>'s class. */
export function observeThemeChanges(onChange: () => void): MutationObserver {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return observer;
}

/**
 * Returns `colour` with the given opacity. Handles #rgb, #rrggbb and #rrggbbaa; other CSS colour
 * forms are returned unchanged, because the canvas accepts them but mixing them needs a parser.
 */
export function withAlpha(colour: string, alpha: number): string {
  const hex = colour.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i)?.[1];
  if (hex === undefined) {
    return colour;
  }

  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex.slice(0, 6);
  const red = parseInt(full.slice(0, 2), 16);
  const green = parseInt(full.slice(2, 4), 16);
  const blue = parseInt(full.slice(4, 6), 16);
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
}
