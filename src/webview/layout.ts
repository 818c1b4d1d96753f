// The panel's DOM skeleton. The HTML page holds only an empty #app, so the structure lives here next
// to the code that fills it.

import { element } from './dom';

export interface Layout {
  root: HTMLElement;
  header: HTMLElement;
  controls: HTMLElement;
  charts: HTMLElement;
  lossCanvas: HTMLCanvasElement;
  iterateCaption: HTMLElement;
  iterateBox: HTMLElement;
}

export function createLayout(root: HTMLElement): Layout {
  const header = element('header', 'header');
  const controls = element('section', 'controls', { 'aria-label': 'Run settings' });

  const lossCanvas = element('canvas', '', { role: 'img', 'aria-label': 'Loss f by iteration' });
  const lossFigure = chartFigure(element('figcaption', '', {}, ['Loss by iteration']), lossCanvas);

  const iterateCaption = element('figcaption');
  const iterateBox = element('div', 'chart-box');
  const iterateFigure = element('figure', 'chart', {}, [iterateCaption, iterateBox]);

  const charts = element('section', 'charts', {}, [lossFigure, iterateFigure]);
  root.replaceChildren(header, controls, charts);
  return { root, header, controls, charts, lossCanvas, iterateCaption, iterateBox };
}

/** Creates a fresh canvas for the iterate chart, whose kind changes with the number of parameters. */
export function replaceIterateCanvas(layout: Layout, caption: string): HTMLCanvasElement {
  const canvas = element('canvas', '', { role: 'img', 'aria-label': caption });
  layout.iterateCaption.textContent = caption;
  layout.iterateBox.replaceChildren(canvas);
  return canvas;
}

function chartFigure(caption: HTMLElement, canvas: HTMLCanvasElement): HTMLElement {
  return element('figure', 'chart', {}, [caption, element('div', 'chart-box', {}, [canvas])]);
}
