# Altena Toegang: one image for web, worker and beat.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=altena.settings.production
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
COPY --from=assets /app/node_modules ./node_modules
RUN DJANGO_SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-000000 \
    python manage.py collectstatic --noinput -v0
RUN useradd --system --uid 1000 altena && chown -R altena /app
USER altena
EXPOSE 8000
CMD ["gunicorn", "altena.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
