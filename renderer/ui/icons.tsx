import type { ReactElement } from 'react';
import type { InputKind } from '../../core/scene/kinds.js';
import { BARRIER_COLORS, KIND_COLORS } from '../map/style/palette.js';

const svg = (children: ReactElement | ReactElement[], title?: string) => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
    {title ? <title>{title}</title> : null}
    {children}
  </svg>
);

/** A small legend glyph per kind, in the colours the map uses. */
export function KindIcon({ kind }: { kind: InputKind }): ReactElement {
  const c = KIND_COLORS[kind];
  switch (kind) {
    case 'analysis_area':
      return svg(<rect x="3" y="4" width="14" height="12" fill="none" stroke={c} strokeWidth="1.5" strokeDasharray="3 2" />);
    case 'building':
      return svg(<rect x="4" y="4" width="12" height="12" fill={c} stroke="#8f8978" strokeWidth="1" />);
    case 'road':
      return svg([<path key="a" d="M2 15 L18 5" stroke="#b8b1a2" strokeWidth="6" />, <path key="b" d="M2 15 L18 5" stroke="#fff" strokeWidth="4" />]);
    case 'obstacle':
      return svg(<circle cx="10" cy="10" r="5.5" fill="#d8d2c4" stroke="#9c9585" strokeWidth="1" />);
    case 'site':
      return svg(<path d="M3 16 V7 L10 3 L17 7 V16 Z" fill="#ede5fb" stroke={c} strokeWidth="1.8" />);
    case 'crowd_zone':
      return svg([
        <defs key="d">
          <pattern id="hatch-ico" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" stroke={c} strokeWidth="1.2" />
          </pattern>
        </defs>,
        <rect key="r" x="3" y="4" width="14" height="12" fill="url(#hatch-ico)" stroke={c} strokeWidth="1.5" />,
      ]);
    case 'barrier':
      return svg([0, 1, 2, 3].map((i) => <circle key={i} cx={3.5 + i * 4.3} cy={10} r="1.8" fill={BARRIER_COLORS.bollard} />));
    case 'camera':
      return svg([<path key="l" d="M7.5 8 L5.5 3 H14.5 L12.5 8 Z" fill={c} />, <rect key="b" x="6.5" y="7.5" width="7" height="9" rx="1.5" fill={c} />]);
    case 'perimeter':
      return svg(<rect x="3" y="3" width="14" height="14" rx="2" fill="none" stroke={c} strokeWidth="1.8" strokeDasharray="4 2" />);
    case 'entrance':
      return svg([<rect key="r" x="4" y="4" width="12" height="12" rx="2" fill={c} />, <path key="d" d="M7.5 14 V7 H12.5 V14" fill="none" stroke="#fff" strokeWidth="1.6" />]);
    case 'frontage':
      return svg([<rect key="r" x="3" y="3" width="14" height="8" fill="#cfc9bc" />, <path key="l" d="M3 13 H17" stroke={c} strokeWidth="2.5" />]);
    case 'vehicle_origin':
      return svg([<circle key="c" cx="10" cy="10" r="7.5" fill="#fff" stroke={c} strokeWidth="1.6" />, <path key="a" d="M10 4.5 L14.5 14 L10 11.5 L5.5 14 Z" fill={c} />]);
    case 'note':
      return svg([<path key="n" d="M4 3 H13 L16 6 V17 H4 Z" fill="#ffe066" stroke={c} strokeWidth="1.2" />, <path key="l" d="M6.5 9 H13.5 M6.5 12 H13.5" stroke={c} strokeWidth="1" />]);
  }
}

const line = (d: string) => <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />;

export const UiIcon = {
  select: () => svg(<path d="M5 3 L15 10.5 L10.5 11.2 L13 16.5 L11 17.4 L8.6 12.2 L5 15.5 Z" fill="currentColor" />),
  undo: () => svg(line('M7 5 L3 9 L7 13 M3 9 H12 A4.5 4.5 0 0 1 12 18 H9')),
  redo: () => svg(line('M13 5 L17 9 L13 13 M17 9 H8 A4.5 4.5 0 0 0 8 18 H11')),
  ruler: () => svg([<path key="r" d="M2.5 13.5 L13.5 2.5 L17.5 6.5 L6.5 17.5 Z" fill="none" stroke="currentColor" strokeWidth="1.5" />, <path key="t" d="M6 10 L8 12 M8.5 7.5 L10 9 M11 5 L13 7" stroke="currentColor" strokeWidth="1.3" />]),
  area: () => svg(<path d="M3 15 L6 4 L16 6 L14 16 Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2.5 1.5" />),
  fit: () => svg(line('M3 7 V3 H7 M13 3 H17 V7 M17 13 V17 H13 M7 17 H3 V13 M7 10 H13 M10 7 V13')),
  trash: () => svg(line('M4 6 H16 M8 6 V4 H12 V6 M6 6 L7 17 H13 L14 6')),
  importFile: () => svg(line('M10 3 V12 M6.5 8.5 L10 12 L13.5 8.5 M4 14 V17 H16 V14')),
  exportFile: () => svg(line('M10 12 V3 M6.5 6.5 L10 3 L13.5 6.5 M4 14 V17 H16 V14')),
  eye: () => svg([<path key="e" d="M2 10 C5 4.5 15 4.5 18 10 C15 15.5 5 15.5 2 10 Z" fill="none" stroke="currentColor" strokeWidth="1.4" />, <circle key="c" cx="10" cy="10" r="2.5" fill="currentColor" />]),
  eyeOff: () => svg([<path key="e" d="M2 10 C5 4.5 15 4.5 18 10 C15 15.5 5 15.5 2 10 Z" fill="none" stroke="currentColor" strokeWidth="1.4" opacity="0.45" />, <path key="l" d="M4 16 L16 4" stroke="currentColor" strokeWidth="1.5" />]),
  lock: () => svg([<rect key="b" x="5" y="9" width="10" height="8" rx="1.5" fill="currentColor" />, <path key="s" d="M7 9 V6.5 A3 3 0 0 1 13 6.5 V9" fill="none" stroke="currentColor" strokeWidth="1.5" />]),
  unlock: () => svg([<rect key="b" x="5" y="9" width="10" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />, <path key="s" d="M7 9 V6.5 A3 3 0 0 1 12.8 5.5" fill="none" stroke="currentColor" strokeWidth="1.3" />]),
  close: () => svg(line('M5 5 L15 15 M15 5 L5 15')),
  settings: () => svg([<path key="l" d="M3 5.5 H17 M3 10 H17 M3 14.5 H17" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />, <circle key="a" cx="7" cy="5.5" r="2" fill="#fff" stroke="currentColor" strokeWidth="1.5" />, <circle key="b" cx="13" cy="10" r="2" fill="#fff" stroke="currentColor" strokeWidth="1.5" />, <circle key="c" cx="9" cy="14.5" r="2" fill="#fff" stroke="currentColor" strokeWidth="1.5" />]),
};
