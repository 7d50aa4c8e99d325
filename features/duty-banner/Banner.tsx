/** The banner's markup. Text only: every name is rendered by Preact as text. */
import type { BannerModel } from '../../utils/rotation/banner';

export interface BannerActions {
  openOptions(): void;
  dismissSetup(): void;
  collapse(): void;
  expand(): void;
}

export function BannerView({ model, actions, handover = null }: { model: BannerModel; actions: BannerActions; handover?: string | null }) {
  if (model.kind === 'hidden') return null;
  if (model.kind === 'setup') {
    return (
      <div class="gta-duty-inner gta-duty-setup">
        <span class="gta-duty-text">
          No triage rotation is set up. GOC Ticket Assistant can show who is on triage duty here:{' '}
          <a
            href="#"
            class="gta-duty-link"
            data-gta-action="setup"
            onClick={(e) => {
              e.preventDefault();
              actions.openOptions();
            }}
          >
            set up the rotation in Options
          </a>
          .
        </span>
        <button type="button" class="gta-duty-btn" data-gta-action="dismiss" title="Don't show this again" onClick={actions.dismissSetup}>
          Don't show again
        </button>
      </div>
    );
  }
  const { view } = model;
  if (model.collapsed) {
    return (
      <div class="gta-duty-inner gta-duty-collapsed">
        <button
          type="button"
          class="gta-duty-btn gta-duty-expand"
          data-gta-action="expand"
          title="Show the triage duty banner"
          aria-expanded="false"
          onClick={actions.expand}
        >
          Triage{view.duty ? `: ${view.duty}` : ''} ▾
        </button>
      </div>
    );
  }
  return (
    <div class="gta-duty-inner">
      {model.unsynced ? (
        <span class="gta-duty-text gta-duty-unsynced">{model.unsynced}</span>
      ) : (
        <>
          <span class={`gta-duty-text gta-duty-headline${view.you ? ' gta-duty-you' : ''}`} data-gta-part="headline">
            {view.headline}
          </span>
          {view.untriagedText && (
            <span class="gta-duty-count" data-gta-part="untriaged">
              {view.untriagedText}
            </span>
          )}
          {view.untriagedText && handover && (
            <span class="gta-duty-handover" data-gta-part="handover">
              {handover}
            </span>
          )}
          {view.detail && (
            <span class="gta-duty-next" data-gta-part="next">
              {view.detail}
            </span>
          )}
        </>
      )}
      {model.problem && (
        <span class="gta-duty-problem" data-gta-part="problem" title={model.problemDetail ?? undefined}>
          ⚠ {model.problem}
        </span>
      )}
      <button
        type="button"
        class="gta-duty-btn gta-duty-collapse"
        data-gta-action="collapse"
        title="Hide for today"
        aria-expanded="true"
        onClick={actions.collapse}
      >
        Hide for today
      </button>
    </div>
  );
}
