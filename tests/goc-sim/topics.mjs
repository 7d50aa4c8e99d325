/**
 * Text material for the seed: support topics with titles, problem reports, staff questions and
 * answers, user replies and log pastes. `{slot}`s are filled per ticket (see fill()).
 * Keywords here match the experts in tests/fixtures/team-config.json.
 */

export const TOPICS = [
  {
    key: 'htcondor-ce',
    vo: 'CMS',
    titles: [
      'HTCondor-CE jobs stay idle on {resource}',
      'condor_ce_trace fails against {host}',
      'HTCondor-CE job router not routing pilots after upgrade to {version}',
    ],
    problem: [
      'Hello,\n\nSince we updated htcondor-ce to {version} on {host}, pilots from the factory stay idle in the CE queue.\ncondor_ce_q shows them as idle and nothing reaches the batch system.\nThe JobRouter log says "Route not found" for every job.\n\nWe did not change our routes. Any idea what changed?\n\nThanks,\n{first}',
      'Hi,\n\ncondor_ce_trace {host} fails with\n\nERROR: failed to submit the test job\nAUTHENTICATE:1003:Failed to authenticate with any method\n\nThe CE was working fine yesterday. We have a valid host certificate (checked with openssl x509 -noout -dates).\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nCould you send us the output of condor_ce_config_val -dump | grep -i route and the last 200 lines of /var/log/condor-ce/JobRouterLog?\nAlso, which version of htcondor-ce and condor do you have installed (rpm -q htcondor-ce condor)?',
      'Hi {first},\n\nThe AUTHENTICATE:1003 error usually means the CE cannot map the client. Could you check /etc/condor-ce/condor_mapfile and run condor_ce_trace -d {host} so we can see the full debug output?',
    ],
    info: [
      'Hi,\n\nHere is the route configuration; we are running htcondor-ce {version} and condor 8.8.12.\nThe JobRouterLog just repeats "Route not found" every few minutes.\n\n{first}',
      'The debug output is attached. The mapfile has the GSI line first, then the SCITOKENS line.\n\n{first}',
    ],
    fix: [
      'Hi {first},\n\nIn {version} the JOB_ROUTER_ENTRIES syntax changed: routes now need the new JOB_ROUTER_ROUTE_<name> form.\nPlease convert your routes as described in https://opensciencegrid.org/docs/compute-element/job-router-recipes/ and run condor_ce_reconfig.\nWe filed {jira} to improve the upgrade notes.',
      'Hi {first},\n\nThe mapfile order matters: the first matching line wins. Move the SCITOKENS line above the GSI line and restart condor-ce (systemctl restart condor-ce). condor_ce_trace should work again after that.',
    ],
    log: 'JobRouterLog',
  },
  {
    key: 'xrootd',
    vo: 'ATLAS',
    titles: [
      'XRootD transfers fail with "[3011] Unable to open" on {host}',
      'xrootd-server crashes after update to {version}',
      'XCache on {resource} serves stale files',
    ],
    problem: [
      'Hi,\n\nSince the weekend all xrdcp transfers to root://{host}:1094 fail with\n\n[ERROR] Server responded with an error: [3011] Unable to open /store/user/test.root; no such file or directory\n\nThe file is there (ls shows it). xrootd version is {version}.\n\nThanks,\n{first}',
      'Hello,\n\nOur xrootd-server on {host} crashes every few hours after we updated to {version}. systemd restarts it but transfers fail in between.\nCore files are in /var/spool/xrootd.\n\nRegards,\n{first}',
    ],
    ask: [
      'Hi {first},\n\nCould you send the xrootd configuration (/etc/xrootd/xrootd-standalone.cfg) and the log around one failure from /var/log/xrootd/standalone/xrootd.log?\nPlease also tell us if the files are on a local disk, HDFS or CephFS.',
      'Hi {first},\n\nA stack trace would help: please run gdb /usr/bin/xrootd /var/spool/xrootd/core.<pid> and then bt full, and attach the output.',
    ],
    info: [
      'The files are on CephFS mounted at /mnt/cephfs. Config and log attached.\n\n{first}',
      'Here is the backtrace; it ends in XrdOfsHandle::Alloc.\n\n{first}',
    ],
    fix: [
      'Hi {first},\n\nThe oss.localroot line points to /mnt/cephfs/store but the namespace also starts with /store, so xrootd looks for /mnt/cephfs/store/store/...\nChange oss.localroot to /mnt/cephfs and restart xrootd@standalone.',
      'Hi {first},\n\nThis is a known bug in {version}, fixed upstream. The fixed build is in osg-testing now ({jira}); you can install it with yum --enablerepo=osg-testing update xrootd-server.',
    ],
    log: 'xrootd',
  },
  {
    key: 'gridftp',
    vo: 'CMS',
    titles: ['GridFTP transfers hang at 0 bytes on {host}', 'globus-gridftp-server refuses connections after certificate renewal'],
    problem: [
      'Hi,\n\nThird-party GridFTP transfers from FTS to gsiftp://{host}:2811 hang at 0 bytes and time out after 30 minutes.\nglobus-url-copy from the node itself works. We run globus-gridftp-server {version}.\n\n{first}',
      'Hello,\n\nAfter renewing the host certificate on {host} the globus-gridftp-server refuses every connection with "GSS Major Status: Authentication Failed".\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nThis looks like a firewall problem with the data channel. Which port range do you set in GLOBUS_TCP_PORT_RANGE, and is that range open in the firewall?',
      'Hi {first},\n\nDid the new certificate also go to /etc/grid-security/hostcert.pem with mode 644 and the key with mode 400? Please send the output of openssl x509 -in /etc/grid-security/hostcert.pem -noout -subject -issuer.',
    ],
    info: ['GLOBUS_TCP_PORT_RANGE is 20000,25000 and the firewall allows 20000-21000 only. Oops.\n\n{first}', 'Subject and issuer attached; the key was 600, I changed it to 400.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThat explains it: open the whole 20000-25000 range (or shrink GLOBUS_TCP_PORT_RANGE to 20000,21000) and restart globus-gridftp-server.',
      'Hi {first},\n\nThe new certificate was issued by a CA that is missing from your trust store. Update osg-ca-certs (yum update osg-ca-certs) and run fetch-crl; then restart the GridFTP server.',
    ],
    log: 'gridftp',
  },
  {
    key: 'voms',
    vo: 'OSG',
    titles: ['voms-proxy-init fails with "VOMS Server for osg not known"', 'VOMS attributes missing from proxies on {host}'],
    problem: [
      'Hi,\n\nvoms-proxy-init -voms osg fails on our submit host {host}:\n\nVOMS Server for osg not known!\n\nWe installed the vo-client package today.\n\n{first}',
      'Hello,\n\nProxies made on {host} have no VOMS attributes anymore (voms-proxy-info -all shows none) since the update to voms {version}.\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nWhat does ls /etc/vomses show, and which vo-client version is installed (rpm -q vo-client)?',
      'Hi {first},\n\nCould you run voms-proxy-init -voms osg -debug and attach the output?',
    ],
    info: ['/etc/vomses is empty and vo-client is 110-1. \n\n{first}', 'Debug output attached.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThe vomses files moved to /etc/vomses/ in vo-client 110; an old /etc/vomses file from a manual setup hides the directory. Remove the old file, reinstall vo-client and try again.',
      'Hi {first},\n\nThe LSC files for the new VOMS server certificate were missing in vo-client; this is fixed in the latest release ({jira}). yum update vo-client should fix it.',
    ],
    log: 'voms',
  },
  {
    key: 'profiler',
    vo: 'OSG',
    titles: ['osg-system-profiler hangs on {host}', 'Worker node on {resource} fails OSG validation'],
    problem: [
      'Hi,\n\nWhen I run osg-system-profiler on {host} it hangs after "Checking installed packages" and never writes osg-profile.txt.\n\n{first}',
      'Hello,\n\nJobs on our new worker nodes at {resource} fail immediately; pilots report "OSG environment broken". We installed osg-wn-client {version} last week.\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nTo see what is going on, could you please run osg-system-profiler on the affected host and attach the resulting osg-profile.txt to this ticket?\n\n    yum install -y osg-system-profiler\n    osg-system-profiler',
      'Hi {first},\n\nCould you run osg-system-profiler on one of the worker nodes and attach the osg-profile.txt it writes? That tells us versions, repositories and the environment in one go.',
    ],
    info: ['Profile attached. It took ten minutes but it finished this time.\n\n{first}', 'osg-profile.txt attached from {host}.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThe profile shows the EPEL repository disabled, so osg-wn-client pulled an old gfal2. Enable EPEL (yum-config-manager --enable epel) and run yum update.',
      'Hi {first},\n\nYour profile shows two conflicting CA bundles. Remove the osg-ca-scripts package, keep osg-ca-certs, and run fetch-crl once.',
    ],
    log: 'profiler',
  },
  {
    key: 'cvmfs',
    vo: 'OSG',
    titles: ['CVMFS mount of oasis.opensciencegrid.org fails on {host}', 'cvmfs_config probe times out at {resource}'],
    problem: [
      'Hi,\n\ncvmfs_config probe oasis.opensciencegrid.org fails on {host}:\n\nProbing /cvmfs/oasis.opensciencegrid.org... Failed!\n\nOther repositories mount fine. cvmfs {version}.\n\n{first}',
      'Hello,\n\ncvmfs_config probe times out on all worker nodes at {resource} since this morning. Our squid is at squid.{host}:3128.\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nPlease send cat /etc/cvmfs/default.local and the output of cvmfs_config stat -v oasis.opensciencegrid.org.',
      'Hi {first},\n\nIs the frontier-squid on squid.{host} running, and does it allow your worker node subnet? The output of curl -sI -x squid.{host}:3128 http://oasis-replica.opensciencegrid.org:8000/cvmfs/oasis.opensciencegrid.org/.cvmfspublished would help.',
    ],
    info: ['default.local attached; CVMFS_HTTP_PROXY points to our squid.\n\n{first}', 'The squid was running, curl returns 403.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThe oasis key moved to the osg-oasis-config package; install it (yum install cvmfs-config-osg) and run cvmfs_config reload.',
      'Hi {first},\n\nThe 403 comes from the squid ACL: add your worker node subnet to acl NET_LOCAL in /etc/squid/customize.sh and restart frontier-squid.',
    ],
    log: 'cvmfs',
  },
  {
    key: 'gratia',
    vo: 'OSG',
    titles: ['Gratia probe not reporting from {resource}', 'Accounting missing for {resource} since {month}'],
    problem: [
      'Hi,\n\nGRACC shows no records from {resource} for the last two weeks. The gratia-probe-condor-ap is installed on {host}.\n\n{first}',
      'Hello,\n\nOur accounting in GRACC dropped to zero for {resource}. Did something change on the collector side?\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nCould you check /var/log/gratia/ on {host} for errors, and send the ProbeConfig (/etc/gratia/condor-ap/ProbeConfig)?',
      'Hi {first},\n\nPlease check that the probe cron job runs (ls -l /var/lib/gratia/tmp/) and send the latest gratia log.',
    ],
    info: ['The log says "Connection refused" to the collector. ProbeConfig attached.\n\n{first}', 'There are thousands of files in /var/lib/gratia/tmp.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThe collector host moved; set CollectorHost="gratia-osg-prod.opensciencegrid.org:80" in ProbeConfig and the backlog will be sent on the next run.',
      'Hi {first},\n\nThe probe was stuck on a corrupt record; remove /var/lib/gratia/tmp/gratiafiles/*.lock and the backlog will drain.',
    ],
    log: 'gratia',
  },
  {
    key: 'squid',
    vo: 'CMS',
    titles: ['frontier-squid on {host} refuses worker node requests', 'frontier-squid cache full on {resource}'],
    problem: [
      'Hi,\n\nAfter upgrading frontier-squid to {version} on {host}, worker nodes get "Access Denied" for every request.\n\n{first}',
      'Hello,\n\nThe frontier-squid cache on {host} fills the disk and squid stops. cache_dir is 100 GB on a 120 GB disk.\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nPlease send /etc/squid/customize.sh and tell us your worker node subnets.',
      'Hi {first},\n\nWhat does df -h /var/cache/squid show, and what is in /var/log/squid/cache.log around the stop?',
    ],
    info: ['customize.sh attached; worker nodes are 10.10.0.0/16.\n\n{first}', 'df shows 100%. cache.log attached.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThe new version reads NET_LOCAL from customize.sh only; add 10.10.0.0/16 there and run systemctl restart frontier-squid.',
      'Hi {first},\n\nThe logs share the disk with the cache. Move /var/log/squid to another partition or reduce cache_dir to 80 GB.',
    ],
    log: 'squid',
  },
  {
    key: 'certs',
    vo: 'OSG',
    titles: ['fetch-crl errors for several CAs on {host}', 'Host certificate request for {host} stuck'],
    problem: [
      'Hi,\n\nfetch-crl reports errors for a dozen CAs on {host} every night:\n\nVERBOSE(0) IGTF_CA: download error: timed out\n\nIs this on our side?\n\n{first}',
      'Hello,\n\nOur host certificate request for {host} has been pending for a week. Could someone look at it?\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nWhich version of osg-ca-certs do you have (rpm -q osg-ca-certs fetch-crl), and can {host} reach the CRL URLs (try curl -sI on one of them)?',
      'Hi {first},\n\nWhich CA did you request the certificate from, and what is the request id?',
    ],
    info: ['osg-ca-certs 1.110 and fetch-crl 3.0.21; curl works for some URLs only.\n\n{first}', 'Request id 9381, InCommon.\n\n{first}'],
    fix: [
      'Hi {first},\n\nThose CAs retired their CRL endpoints; the next osg-ca-certs release drops them ({jira}). The errors are harmless until then.',
      'Hi {first},\n\nThe request was waiting for a sponsor approval; it is approved now and the certificate should arrive by e-mail today.',
    ],
    log: 'fetch-crl',
  },
  {
    key: 'condor',
    vo: 'GLOW',
    titles: ['condor_q very slow on {host}', 'HTCondor schedd crashes with "ERROR: Child pid exited"'],
    problem: [
      'Hi,\n\ncondor_q takes more than a minute on our access point {host} with about 20000 jobs in the queue. HTCondor {version}.\n\n{first}',
      'Hello,\n\nThe schedd on {host} restarts every hour with "ERROR: Child pid exited on signal 11". HTCondor {version}.\n\n{first}',
    ],
    ask: [
      'Hi {first},\n\nCould you send the SchedLog around a slow condor_q and the output of condor_config_val -dump SCHEDD?',
      'Hi {first},\n\nPlease attach /var/log/condor/SchedLog and the core file if there is one, and the output of condor_version.',
    ],
    info: ['SchedLog and config dump attached.\n\n{first}', 'SchedLog attached; no core file.\n\n{first}'],
    fix: [
      'Hi {first},\n\nSCHEDD_QUERY_WORKERS is 0 in your config, so every query blocks the schedd. Set it back to the default (8) and run condor_reconfig.',
      'Hi {first},\n\nThis is an HTCondor bug fixed in the next release ({jira}). As a workaround set SCHEDD_USE_SLOW_LOG = false.',
    ],
    log: 'SchedLog',
  },
];

/** GOC-side topics for non-software tickets (network, resource registration, outages). */
export const GOC_TOPICS = [
  {
    key: 'registration',
    titles: ['Register new resource {resource} in the topology', 'Update contacts for {resource}'],
    problem: ['Hello,\n\nPlease register our new CE {host} as resource {resource} in the OSG topology. The admin contact is me.\n\n{first}'],
    reply: ['Hi {first},\n\nThe resource is registered; it will show up in the topology within the hour.'],
  },
  {
    key: 'outage',
    titles: ['Downtime for {resource} next week', 'Network outage at {site}'],
    problem: ['Hi,\n\nWe will have a power outage at {site} next Tuesday from 08:00 to 16:00 local time. Please add a downtime for {resource}.\n\n{first}'],
    reply: ['Hi {first},\n\nThe downtime is added; you can also add downtimes yourself with the topology pull request instructions.'],
  },
  {
    key: 'account',
    titles: ['Cannot log in to the OSG ticket system', 'Request access to the OSG Connect project {project}'],
    problem: ['Hello,\n\nI cannot log in to the ticket system with my institution account; CILogon returns an error.\n\n{first}'],
    reply: ['Hi {first},\n\nYour account is now linked; please try again and let us know if it still fails.'],
  },
];

export const HOSTS = [
  'ce01.hep.wisc.example.edu', 'red-gw1.unl.example.edu', 'uct2-gk.mwt2.example.org', 'gate01.aglt2.example.org',
  'gridftp.bnl.example.gov', 'cmsxrootd.fnal.example.gov', 'osg-ce.sdsc.example.edu', 'hammer-osg.rcac.purdue.example.edu',
  'ce.palmetto.clemson.example.edu', 'its-condor-ce2.syr.example.edu', 'gk01.ihepa.ufl.example.edu', 'cit-gatekeeper.ultralight.example.org',
  'grid1.oscer.ou.example.edu', 'ce2.accre.vanderbilt.example.edu', 'ce03.cmsaf.mit.example.edu', 'gk04.swt2.uta.example.edu',
  'login.expanse.sdsc.example.edu', 'ce.uprm.example.edu',
];

export const SITES = ['UW-Madison', 'Nebraska', 'MWT2', 'AGLT2', 'BNL', 'Fermilab', 'SDSC', 'Purdue', 'Clemson', 'Syracuse', 'UFlorida', 'Caltech'];

export const VERSIONS = ['3.4.2', '4.4.1', '5.1.3', '5.4.0', '8.9.11', '9.0.17', '23.0.4', '23.10.1', '24.0.2'];

/** Lines for long pastes (more than 35 lines so "Show More" kicks in). */
export function logLines(kind, host, count, rnd) {
  const lines = [];
  const base = Date.UTC(2026, 0, 1, 3, 0, 0) + Math.floor(rnd() * 1e9);
  for (let i = 0; i < count; i++) {
    const t = new Date(base + i * 7000).toISOString().replace('T', ' ').slice(0, 19);
    switch (kind) {
      case 'JobRouterLog':
        lines.push(`${t} JobRouter: Checking for candidate jobs. routing table is:`);
        break;
      case 'xrootd':
        lines.push(`${t} ${100 + i} XrootdXeq: user.${1000 + i}:${20 + i}@wn${i % 40}.${host} disc 0:00:0${i % 10}`);
        break;
      case 'gridftp':
        lines.push(`[${3000 + i}] ${t} :: Transfer stats: DATE=${t.replace(/\D/g, '')} HOST=${host} PROG=globus-gridftp-server NL.EVNT=FTP_INFO`);
        break;
      case 'voms':
        lines.push(`    ${t} voms-proxy-init debug: trying server ${i % 2 ? 'voms1' : 'voms2'}.opensciencegrid.org:15001`);
        break;
      case 'cvmfs':
        lines.push(`${t} (oasis.opensciencegrid.org) switching proxy from (none) to http://squid.${host}:3128 (${i})`);
        break;
      case 'SchedLog':
        lines.push(`${t} (pid:${4000 + i}) Number of Active Workers ${i % 8}`);
        break;
      default:
        lines.push(`${t} ${kind}[${500 + i}]: line ${i + 1} of the output`);
    }
  }
  return lines;
}
