import { useEffect, useState, type ReactElement } from 'react';
import { isInputKind, KIND_PROPERTIES, effectiveProperty, type InputKind, type PropertySpec } from '../../core/scene/index.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { getFeature, useProject } from '../state/project-store.js';
import { useUi } from '../state/ui-store.js';
import { transact } from '../state/edit.js';
import { kindNoun } from '../map/style/palette.js';
import { formatAreaM2, formatLengthM, lineLengthM, ringAreaM2 } from '../map/measure.js';
import { parseField, placeholderOf, withProperty } from './property-edit.js';
import { KindIcon } from './icons.js';
import { deleteSelection } from './commands.js';

/** The right panel: the selection's properties, with units, defaults and inline validation. */
export function PropertiesPanel(): ReactElement {
  const selection = useUi((s) => s.selection);
  const locked = useUi((s) => s.locked);
  useProject((s) => s.revision);
  if (selection.length === 0) {
    return (
      <aside className="panel properties-panel" aria-label="Properties">
        <h2 className="panel-title">Properties</h2>
        <p className="panel-empty">Select a feature on the map to see and edit its properties. Pick a tool above to draw.</p>
      </aside>
    );
  }
  if (selection.length > 1) {
    return (
      <aside className="panel properties-panel" aria-label="Properties">
        <h2 className="panel-title">Properties</h2>
        <p className="panel-empty">{selection.length.toLocaleString('en-GB')} features selected.</p>
        <button type="button" className="text-button danger" onClick={() => void deleteSelection()}>
          Delete {selection.length.toLocaleString('en-GB')} features
        </button>
      </aside>
    );
  }
  const f = getFeature(selection[0]);
  if (!f) return <aside className="panel properties-panel" />;
  const kind = f.properties.kind;
  const readOnly = isInputKind(kind) && !!locked[kind];
  return (
    <aside className="panel properties-panel" aria-label="Properties" data-testid="properties">
      <h2 className="panel-title">
        {isInputKind(kind) ? <KindIcon kind={kind} /> : null}
        <span>{capitalised(kindNoun(kind))}</span>
      </h2>
      <dl className="prop-meta">
        <dt>id</dt>
        <dd data-testid="feature-id">{f.id}</dd>
        <dt>geometry</dt>
        <dd>{geometrySummary(f)}</dd>
      </dl>
      {readOnly ? <p className="panel-note">This layer is locked: unlock it in the layers panel to edit.</p> : null}
      {isInputKind(kind) ? (
        <form className="prop-form" onSubmit={(e) => e.preventDefault()}>
          {KIND_PROPERTIES[kind].map((spec) => (
            <PropertyField key={`${f.id}:${spec.key}`} feature={f} kind={kind} spec={spec} readOnly={readOnly} />
          ))}
        </form>
      ) : null}
      <UnknownProperties feature={f} kind={kind} />
    </aside>
  );
}

function geometrySummary(f: SceneFeature): string {
  const g = f.geometry;
  switch (g.type) {
    case 'Point':
      return `point ${g.coordinates[1].toFixed(6)}, ${g.coordinates[0].toFixed(6)}`;
    case 'LineString':
      return `line, ${g.coordinates.length} vertices, ${formatLengthM(lineLengthM(g.coordinates))}`;
    case 'Polygon':
      return `area ${formatAreaM2(ringAreaM2(g.coordinates[0]))}, perimeter ${formatLengthM(lineLengthM(g.coordinates[0]))}`;
    case 'MultiPolygon':
      return `${g.coordinates.length} areas, ${formatAreaM2(g.coordinates.reduce((a, p) => a + ringAreaM2(p[0]), 0))}`;
  }
}

function UnknownProperties({ feature, kind }: { feature: SceneFeature; kind: string }): ReactElement | null {
  const known = new Set(['kind', ...(isInputKind(kind) ? KIND_PROPERTIES[kind].map((s) => s.key) : [])]);
  const extra = Object.entries(feature.properties).filter(([k]) => !known.has(k));
  if (extra.length === 0) return null;
  return (
    <section className="prop-extra">
      <h3>Other properties (kept, read-only)</h3>
      <dl>
        {extra.map(([k, v]) => (
          <div key={k} className="prop-extra-row">
            <dt>{k}</dt>
            <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface FieldProps {
  feature: SceneFeature;
  kind: InputKind;
  spec: PropertySpec;
  readOnly: boolean;
}

/** One property: typed into a draft, checked, and committed on Enter or blur through the edit path. */
function PropertyField({ feature, kind, spec, readOnly }: FieldProps): ReactElement {
  const stored = feature.properties[spec.key];
  const storedText = stored === undefined || stored === null ? '' : String(stored);
  const [draft, setDraft] = useState(storedText);
  const [message, setMessage] = useState<string | null>(null);
  const problem = useUi((s) => (s.problem && s.problem.featureId === feature.id && s.problem.property === spec.key ? s.problem.message : null));
  useEffect(() => {
    setDraft(storedText);
    setMessage(null);
  }, [storedText]);

  const commit = async (raw: string | boolean) => {
    if (typeof raw === 'string' && raw === storedText) {
      setMessage(null);
      return;
    }
    const parsed = parseField(spec, raw);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setMessage(null);
    const note = `Set ${spec.label.toLowerCase()} of ${kindNoun(kind)} ${feature.id}`;
    const ok = await transact({ put: [withProperty(feature, spec.key, parsed.value)], note });
    if (!ok) setDraft(storedText);
  };

  const id = `prop-${spec.key}`;
  const shown = message ?? problem;
  const unit = spec.type === 'number' && spec.unit ? <span className="prop-unit">{spec.unit}</span> : null;
  let input: ReactElement;
  if (spec.type === 'enum') {
    input = (
      <select id={id} data-testid={id} disabled={readOnly} value={typeof stored === 'string' ? stored : spec.default} onChange={(e) => void commit(e.target.value)}>
        {spec.values.map((v) => (
          <option key={v} value={v}>
            {v.replace(/_/g, ' ')}
            {v === spec.default ? ' (default)' : ''}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'boolean') {
    const effective = effectiveProperty(kind, feature.properties, spec.key) === true;
    input = (
      <span className="prop-bool">
        <input id={id} data-testid={id} type="checkbox" disabled={readOnly} checked={effective} onChange={(e) => void commit(e.target.checked)} />
        <span className="prop-derived">{stored === undefined ? placeholderOf(spec).replace(/^derived: /, 'derived — ').replace(/^default /, 'default — ') : null}</span>
        {stored !== undefined && !readOnly ? (
          <button type="button" className="link-button" title="Remove the value and use the default" onClick={() => void commit('')}>
            use default
          </button>
        ) : null}
      </span>
    );
  } else if (spec.type === 'string' && spec.multiline) {
    input = (
      <textarea id={id} data-testid={id} rows={3} disabled={readOnly} value={draft} placeholder={placeholderOf(spec)} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit(draft)} />
    );
  } else {
    input = (
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode={spec.type === 'number' ? 'decimal' : undefined}
        disabled={readOnly}
        value={draft}
        placeholder={placeholderOf(spec)}
        aria-invalid={shown ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit(draft);
          } else if (e.key === 'Escape') {
            setDraft(storedText);
            setMessage(null);
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
    );
  }
  return (
    <div className={`prop-row${shown ? ' invalid' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="prop-input">
        {input}
        {unit}
      </div>
      {shown ? (
        <p className="prop-error" role="alert" data-testid={`error-${spec.key}`}>
          {shown}
        </p>
      ) : null}
    </div>
  );
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
