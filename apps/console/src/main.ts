import 'element-plus/dist/index.css';
import '@/styles/main.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from '@/App.vue';
import { onSessionExpired } from '@/api/request';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();

app.use(pinia);
app.use(i18n);
app.use(router);

onSessionExpired(() => {
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  void router.replace({
    name: 'login',
    query: { redirect: current.fullPath, expired: '1' },
  });
});

app.mount('#app');
