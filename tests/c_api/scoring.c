/* Scoring through the C ABI, checked against other computations of the same numbers:
 *
 * 1. The German Credit model that `kreditor fit` saved (tests/data/c_api/german_credit_model.json)
 *    scores the 1000 applicants of tests/data/scoring/german_credit_encoded.csv: one by one, as a
 *    row-major and as a column-major batch (all bit-identical), and the log-likelihood of those
 *    probabilities equals R's glm logLik (tests/data/scoring/reference_r.json) to 1e-9.
 * 2. The recommendation (kreditor_recommend) of every sample customer with statements
 *    (examples/sample_scoring/), with the PD from Ohlson's O-score and from a model over named
 *    features (tests/data/c_api/score_model.json), equals what `kreditor score --json` prints for
 *    the same files: grade, PD, Altman Z, Ohlson O and P, terms, limit, currency, payment methods
 *    and reason codes (skipped without a CLI path).
 *
 *    c_api_scoring [KREDITOR_CLI]
 */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kreditor/kreditor.h>

static int failures = 0;

#define CHECK(cond)                                                                                   \
  do {                                                                                                \
    if (!(cond)) {                                                                                    \
      fprintf(stderr, "scoring.c:%d: %s failed (last error: %s)\n", __LINE__, #cond, kreditor_last_error()); \
      ++failures;                                                                                     \
    }                                                                                                 \
  } while (0)

static int fail(const char* what) {
  fprintf(stderr, "%s: %s\n", what, kreditor_last_error());
  return 1;
}

/* The whole file, NUL-terminated (malloc'd), or NULL. */
static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  size_t size = 0, got;
  char chunk[4096];
  if (f == NULL) return NULL;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    char* grown = (char*)realloc(text, size + got + 1);
    if (grown == NULL) break;
    text = grown;
    memcpy(text + size, chunk, got);
    size += got;
    text[size] = '\0';
  }
  fclose(f);
  return text;
}

/* ---- 1. the German Credit model -------------------------------------------------------------- */

#define GC_ROWS 1000
#define GC_FEATURES 48

static int german_credit(void) {
  char* model_json = read_file(KREDITOR_SOURCE_DIR "/tests/data/c_api/german_credit_model.json");
  char* csv = read_file(KREDITOR_SOURCE_DIR "/tests/data/scoring/german_credit_encoded.csv");
  static double rows[GC_ROWS * GC_FEATURES], columns[GC_ROWS * GC_FEATURES], y[GC_ROWS];
  static double pd_rows[GC_ROWS], pd_columns[GC_ROWS];
  kreditor_model* model = NULL;
  size_t n = 0, i, j;
  char name[64], *p, *line_end;
  double ll = 0, one = 0;
  const double r_log_likelihood = -447.9088927384199; /* reference_r.json: fits.german_credit */
  if (model_json == NULL || csv == NULL) return fail("cannot read the German Credit files");

  if (kreditor_model_new_json(model_json, &model) != KREDITOR_OK) return fail("model");
  CHECK(kreditor_model_feature_count(model, &n) == KREDITOR_OK && n == GC_FEATURES);
  /* The header: "bad" (the target), then the features in model order. */
  p = csv;
  CHECK(strncmp(p, "bad,", 4) == 0);
  p += 4;
  for (j = 0; j < GC_FEATURES; ++j) {
    size_t len = strcspn(p, ",\r\n");
    CHECK(kreditor_model_feature_name(model, j, name, sizeof name, NULL) == KREDITOR_OK);
    CHECK(strlen(name) == len && strncmp(name, p, len) == 0);
    p += len + 1;
  }
  for (i = 0; i < GC_ROWS; ++i) {
    line_end = NULL;
    y[i] = strtod(p, &p);
    for (j = 0; j < GC_FEATURES; ++j) {
      ++p; /* the comma */
      rows[i * GC_FEATURES + j] = columns[j * GC_ROWS + i] = strtod(p, &line_end);
      p = line_end;
    }
    while (*p == '\r' || *p == '\n') ++p;
  }
  CHECK(*p == '\0');

  CHECK(kreditor_model_score_batch(model, rows, GC_ROWS, GC_FEATURES, KREDITOR_LAYOUT_ROW_MAJOR, pd_rows) == KREDITOR_OK);
  CHECK(kreditor_model_score_batch(model, columns, GC_ROWS, GC_FEATURES, KREDITOR_LAYOUT_COLUMN_MAJOR, pd_columns) ==
        KREDITOR_OK);
  for (i = 0; i < GC_ROWS; ++i) {
    CHECK(kreditor_model_score(model, rows + i * GC_FEATURES, GC_FEATURES, &one) == KREDITOR_OK);
    if (one != pd_rows[i] || one != pd_columns[i] || !(one > 0 && one < 1)) {
      fprintf(stderr, "applicant %u: scalar %.17g, row-major %.17g, column-major %.17g\n", (unsigned)i, one,
              pd_rows[i], pd_columns[i]);
      ++failures;
      break;
    }
    ll += y[i] != 0 ? log(pd_rows[i]) : log1p(-pd_rows[i]);
  }
  if (fabs(ll - r_log_likelihood) > 1e-9 * fabs(r_log_likelihood)) {
    fprintf(stderr, "log-likelihood %.17g, R's glm %.17g\n", ll, r_log_likelihood);
    ++failures;
  }

  /* Bad input names the applicant and the feature; nothing is written. */
  rows[3 * GC_FEATURES + 0] = NAN;
  pd_rows[3] = -1;
  CHECK(kreditor_model_score_batch(model, rows, GC_ROWS, GC_FEATURES, KREDITOR_LAYOUT_ROW_MAJOR, pd_rows) ==
        KREDITOR_E_INVALID_ARGUMENT);
  CHECK(strstr(kreditor_last_error(), "row 3, feature 0 ('Duration') is NaN") != NULL);
  CHECK(pd_rows[3] == -1);
  CHECK(kreditor_model_score(model, rows, GC_FEATURES - 1, &one) == KREDITOR_E_INVALID_ARGUMENT);
  CHECK(strstr(kreditor_last_error(), "feature_count is 47, the model has 48 features") != NULL);

  printf("German Credit: %u applicants scored alike three ways; log-likelihood %.10f (R: %.10f)\n",
         (unsigned)GC_ROWS, ll, r_log_likelihood);
  kreditor_model_free(model);
  free(model_json);
  free(csv);
  return 0;
}

/* ---- 2. the recommendation against `kreditor score` ------------------------------------------ */

/* The README's C scoring quick start is this function's body (c_api_readme_scoring checks it). */
static int quick_start(const char* model_json, const char* financials, const char* checks) {
  kreditor_model* model = NULL;
  kreditor_recommendation* rec = NULL;
  kreditor_recommend_input in;
  kreditor_recommendation_summary s;
  const char *code, *text;
  char limit[32];
  size_t k;
  if (kreditor_model_new_json(model_json, &model) != KREDITOR_OK) return fail("model");
  kreditor_recommend_input_init(&in, sizeof in);
  in.financials_json = financials;   /* kreditor.financials/1 */
  in.credit_checks_json = checks;    /* kreditor.credit_checks/1, or NULL */
  in.model = model;                  /* NULL: the PD is Ohlson's O-score */
  if (kreditor_recommend(&in, &rec) != KREDITOR_OK) return fail("recommend");
  kreditor_recommendation_summary_init(&s, sizeof s);
  if (kreditor_recommendation_get(rec, &s) != KREDITOR_OK) return fail("get");
  kreditor_money_format(s.limit_minor, s.currency, limit, sizeof limit, NULL);
  printf("grade %s, PD %.4f (%s), terms %s, limit %s %s\n", s.grade, s.pd, s.pd_source, s.terms, limit,
         s.currency);
  for (k = 0; k < s.reason_count; ++k) {
    kreditor_recommendation_reason(rec, k, &code, &text);
    printf("  %-16s %s\n", code, text);
  }
  kreditor_recommendation_free(rec);
  kreditor_model_free(model);
  return 0;
}

/* The text after `"key":"` up to the next quote, into out; 0 when the key is absent. */
static int json_text(const char* json, const char* key, char* out, size_t size) {
  char pattern[64];
  const char* at;
  size_t len;
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  at = strstr(json, pattern);
  if (at == NULL) return 0;
  at += strlen(pattern);
  len = strcspn(at, "\"");
  if (len >= size) return 0;
  memcpy(out, at, len);
  out[len] = '\0';
  return 1;
}
/* The number after `"key":` (nlohmann prints the shortest text that reads back to the same
 * double, so strtod recovers it exactly); 0 when absent or null. */
static int json_number(const char* json, const char* key, double* out) {
  char pattern[64];
  const char* at;
  char* end;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  at = strstr(json, pattern);
  if (at == NULL) return 0;
  at += strlen(pattern);
  *out = strtod(at, &end);
  return end != at;
}

static char* run_cli(const char* cli, const char* customer, const char* model_path) {
  char command[2048];
  FILE* pipe;
  char* out = NULL;
  size_t size = 0, got;
  char chunk[4096];
  snprintf(command, sizeof command,
           "'%s' score --financials '%s/examples/sample_scoring/financials/%s.json' "
           "--credit-check '%s/examples/sample_scoring/credit_checks.json' %s%s%s --json",
           cli, KREDITOR_SOURCE_DIR, customer, KREDITOR_SOURCE_DIR, model_path ? "--model '" : "",
           model_path ? model_path : "", model_path ? "'" : "");
  pipe = popen(command, "r");
  if (pipe == NULL) return NULL;
  while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
    char* grown = (char*)realloc(out, size + got + 1);
    if (grown == NULL) break;
    out = grown;
    memcpy(out + size, chunk, got);
    size += got;
    out[size] = '\0';
  }
  if (pclose(pipe) != 0) {
    free(out);
    return NULL;
  }
  return out;
}

static const char* const customers[] = {"NO-1001", "NO-1002", "NO-1004", "NO-1005", "SE-2001", "SE-2002",
                                        "SE-2004", "DK-3001", "DK-3003", "FI-4001", "DE-5001"};

/* One customer through the C ABI and through the CLI; returns the number of values compared. */
static int compare(const char* cli, const char* customer, const kreditor_model* model, const char* model_path,
                   const char* checks) {
  char path[1024], text[256], limit[32];
  char* financials;
  char* json;
  const char *at, *code, *method;
  double number = 0;
  int compared = 0;
  size_t k;
  kreditor_recommend_input in;
  kreditor_recommendation* rec = NULL;
  kreditor_recommendation_summary s;
  snprintf(path, sizeof path, "%s/examples/sample_scoring/financials/%s.json", KREDITOR_SOURCE_DIR, customer);
  financials = read_file(path);
  json = run_cli(cli, customer, model_path);
  if (financials == NULL || json == NULL) {
    fprintf(stderr, "%s: cannot read %s or run %s\n", customer, path, cli);
    ++failures;
    free(financials);
    free(json);
    return 0;
  }
  kreditor_recommend_input_init(&in, sizeof in);
  in.financials_json = financials;
  in.credit_checks_json = checks;
  in.model = model;
  kreditor_recommendation_summary_init(&s, sizeof s);
  CHECK(kreditor_recommend(&in, &rec) == KREDITOR_OK);
  CHECK(kreditor_recommendation_get(rec, &s) == KREDITOR_OK);
  if (failures != 0) return 0;

#define SAME_TEXT(key, value)                                                                        \
  do {                                                                                               \
    ++compared;                                                                                      \
    if (!json_text(json, key, text, sizeof text) || strcmp(text, value) != 0) {                      \
      fprintf(stderr, "%s: %s is '%s' through C, the CLI prints '%s'\n", customer, key, value, text); \
      ++failures;                                                                                    \
    }                                                                                                \
  } while (0)
#define SAME_NUMBER(key, value)                                                                          \
  do {                                                                                                   \
    ++compared;                                                                                          \
    if (!json_number(json, key, &number) || number != (value)) {                                         \
      fprintf(stderr, "%s: %s is %.17g through C, the CLI prints %.17g\n", customer, key, value, number); \
      ++failures;                                                                                        \
    }                                                                                                    \
  } while (0)

  SAME_TEXT("grade", s.grade);
  SAME_TEXT("pd_source", s.pd_source);
  CHECK(s.has_pd);
  SAME_NUMBER("pd", s.pd);
  CHECK(s.has_altman && s.has_ohlson);
  SAME_NUMBER("z", s.altman_z);
  SAME_TEXT("model", s.altman_model);
  SAME_TEXT("zone", s.altman_zone);
  SAME_NUMBER("o", s.ohlson_o);
  SAME_NUMBER("p", s.ohlson_p);
  SAME_TEXT("recommended_terms", s.terms);
  SAME_TEXT("currency", s.currency);
  CHECK(kreditor_money_format(s.limit_minor, s.currency, limit, sizeof limit, NULL) == KREDITOR_OK);
  SAME_TEXT("recommended_limit", limit);
  CHECK(strstr(json, s.discount_offered ? "\"discount_offered\":true" : "\"discount_offered\":false") != NULL);
  /* Payment methods and reason codes, in order. */
  at = strstr(json, "\"payment_methods\":[");
  CHECK(at != NULL);
  for (k = 0; at != NULL && k < s.method_count; ++k) {
    CHECK(kreditor_recommendation_method(rec, k, &method) == KREDITOR_OK);
    snprintf(text, sizeof text, "\"%s\"", method);
    at = strstr(at, text);
    CHECK(at != NULL && at < strchr(strstr(json, "\"payment_methods\":["), ']'));
    ++compared;
  }
  at = strstr(json, "\"reasons\":[");
  for (k = 0; at != NULL && k < s.reason_count; ++k) {
    CHECK(kreditor_recommendation_reason(rec, k, &code, NULL) == KREDITOR_OK);
    at = strstr(at, "\"code\":\"");
    if (at == NULL) break;
    at += strlen("\"code\":\"");
    if (strncmp(at, code, strlen(code)) != 0 || at[strlen(code)] != '"') {
      fprintf(stderr, "%s: reason %u is '%s' through C, the CLI's differs: %.40s\n", customer, (unsigned)k, code, at);
      ++failures;
    }
    ++compared;
  }
  CHECK(at != NULL && strstr(at, "\"code\":\"") == NULL); /* no reason more in the CLI's list */
  kreditor_recommendation_free(rec);
  free(financials);
  free(json);
  return compared;
}

int main(int argc, char** argv) {
  const char* cli = argc > 1 && argv[1][0] != '\0' ? argv[1] : NULL;
  const char* model_path = KREDITOR_SOURCE_DIR "/tests/data/c_api/score_model.json";
  char* model_json = read_file(model_path);
  char* checks = read_file(KREDITOR_SOURCE_DIR "/examples/sample_scoring/credit_checks.json");
  char* financials = read_file(KREDITOR_SOURCE_DIR "/examples/sample_scoring/financials/NO-1001.json");
  kreditor_model* model = NULL;
  size_t c;
  int compared = 0;
  if (model_json == NULL || checks == NULL || financials == NULL) return fail("cannot read the sample files");
  if (german_credit() != 0) return 1;
  if (quick_start(model_json, financials, checks) != 0) return 1;

  if (kreditor_model_new_json(model_json, &model) != KREDITOR_OK) return fail("model");
  if (cli != NULL) {
    for (c = 0; c < sizeof customers / sizeof customers[0]; ++c) {
      compared += compare(cli, customers[c], NULL, NULL, checks);       /* Ohlson's PD */
      compared += compare(cli, customers[c], model, model_path, checks); /* the model's */
    }
    printf("kreditor score agrees: %u customers, %d values\n", (unsigned)(sizeof customers / sizeof customers[0]),
           compared);
  } else {
    printf("no CLI given: the comparison with kreditor score is skipped\n");
  }
  kreditor_model_free(model);
  free(model_json);
  free(checks);
  free(financials);
  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("c scoring ok\n");
  return 0;
}
