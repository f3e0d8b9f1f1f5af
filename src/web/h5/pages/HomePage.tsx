// 首页: greeting, home community, the volunteering entries, the points bank, the points mall and the account services.
import { Link } from 'react-router';
import { EnvironmentOutline, GlobalOutline, LockOutline, SmileOutline, UserContactOutline } from 'antd-mobile-icons';
import { useCurrentUser } from '../features/account/currentUser';
import { MallTiles } from '../features/mall/MallTiles';
import { NeedTiles } from '../features/needs/NeedTiles';
import { MediationTile } from '../features/mediation/MediationTile';
import { CareTile } from '../features/care/CareTile';
import { PointsTiles } from '../features/points/PointsTiles';
import { ReportTiles } from '../features/reports/ReportTiles';
import { SuggestionTiles } from '../features/suggestions/SuggestionTiles';
import { TaskInvitesCard } from '../features/needs/TaskInvitesCard';
import { VolunteeringTiles } from '../features/volunteers/VolunteeringTiles';
import { usePreferences } from '../features/account/usePreferences';
import { useI18n } from '../i18n';

export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { locale, elderMode, changeLocale, changeElderMode } = usePreferences();

  return (
    <div className="home">
      <header className="hero">
        <div className="hero__brand">
          <span className="hero__logo" aria-hidden="true">
            邻
          </span>
          {t('app.name')}
          <span className="hero__slogan">{t('app.slogan')}</span>
        </div>
        <h1 className="hero__greeting">{t('home.greeting', { name: me.displayName })}</h1>
        <p className="hero__community">
          <EnvironmentOutline aria-hidden="true" />
          {me.homeNodeName ? (
            <span>{me.homeNodeName}</span>
          ) : (
            <span>
              {t('home.noCommunity')} <Link to="/me/profile">{t('home.setCommunity')}</Link>
            </span>
          )}
        </p>
      </header>

      <TaskInvitesCard />

      <section className="card" aria-labelledby="home-needs">
        <h2 id="home-needs" className="card__title">
          {t('home.needsSection')}
        </h2>
        <NeedTiles />
        <div className="tiles" style={{ marginTop: 8 }}>
          <MediationTile />
          <CareTile />
        </div>
      </section>

      <section className="card" aria-labelledby="home-reports">
        <h2 id="home-reports" className="card__title">
          {t('home.reportsSection')}
        </h2>
        <ReportTiles />
      </section>

      <section className="card" aria-labelledby="home-volunteering">
        <h2 id="home-volunteering" className="card__title">
          {t('home.volunteering')}
        </h2>
        <VolunteeringTiles />
      </section>

      <section className="card" aria-labelledby="home-points">
        <h2 id="home-points" className="card__title">
          {t('home.pointsSection')}
        </h2>
        <PointsTiles />
      </section>

      <section className="card" aria-labelledby="home-mall">
        <h2 id="home-mall" className="card__title">
          {t('home.mallSection')}
        </h2>
        <MallTiles />
      </section>

      <section className="card" aria-labelledby="home-suggest">
        <h2 id="home-suggest" className="card__title">
          {t('home.suggestSection')}
        </h2>
        <SuggestionTiles />
      </section>

      <section className="card" aria-labelledby="home-services">
        <h2 id="home-services" className="card__title">
          {t('home.services')}
        </h2>
        <div className="tiles">
          <Link className="tile" to="/map">
            <span className="tile__icon tile__icon--teal">
              <EnvironmentOutline aria-hidden="true" />
            </span>
            <span className="tile__label">{t('home.serviceMap')}</span>
          </Link>
          <Link className="tile" to="/me/profile">
            <span className="tile__icon tile__icon--orange">
              <UserContactOutline aria-hidden="true" />
            </span>
            <span className="tile__label">{t('home.profile')}</span>
          </Link>
          <Link className="tile" to="/me/password">
            <span className="tile__icon tile__icon--blue">
              <LockOutline aria-hidden="true" />
            </span>
            <span className="tile__label">{t('home.password')}</span>
          </Link>
          <button type="button" className="tile" aria-pressed={elderMode} onClick={() => changeElderMode(!elderMode)}>
            <span className="tile__icon tile__icon--green">
              <SmileOutline aria-hidden="true" />
            </span>
            <span className="tile__label">{t('home.elder')}</span>
            <span className={`tile__state${elderMode ? ' tile__state--on' : ''}`}>
              {elderMode ? t('common.on') : t('common.off')}
            </span>
          </button>
          <button type="button" className="tile" onClick={() => changeLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            <span className="tile__icon tile__icon--purple">
              <GlobalOutline aria-hidden="true" />
            </span>
            <span className="tile__label">{t('home.language')}</span>
            <span className="tile__state">{locale === 'en' ? 'English' : '中文'}</span>
          </button>
        </div>
      </section>
    </div>
  );
}
