# The R side of the logistic cross-check: glm(binomial) on the SAME encoded CSVs that
# make_reference.py writes (run that first). Writes reference_r.json. Run from this folder:
#   Rscript make_reference.R
# glm's IRLS is run to epsilon 1e-14 (relative deviance change) so the reference carries the MLE
# to about machine precision. No package beyond base R (jsonlite is not assumed: JSON by hand).
fit_one <- function(path, weights = NULL) {
  d <- read.csv(path, check.names = FALSE)
  pred <- setdiff(names(d), c("bad", "w"))
  X <- as.matrix(d[, pred])
  w <- if (is.null(weights)) rep(1, nrow(d)) else d[[weights]]
  f <- glm.fit(cbind("(Intercept)" = 1, X), d$bad, weights = w, family = binomial(),
               control = glm.control(epsilon = 1e-14, maxit = 100))
  s <- summary.glm(structure(c(f, list(call = NULL, formula = NULL, terms = NULL,
                                       data = NULL, offset = NULL, control = NULL,
                                       method = "glm.fit", contrasts = NULL, xlevels = NULL)),
                             class = c("glm", "lm")))
  se <- s$coefficients[, 2]
  ll <- sum(w * (d$bad * log(f$fitted.values) + (1 - d$bad) * log(1 - f$fitted.values)))
  list(coef = f$coefficients, se = se, ll = ll, iter = f$iter, names = c("(Intercept)", pred))
}
num <- function(x) formatC(x, digits = 17, format = "g")
obj <- function(names, values) {
  paste0("{", paste0("\"", names, "\": ", num(values), collapse = ", "), "}")
}
fit_json <- function(f) {
  paste0("{\"coefficients\": ", obj(f$names, f$coef), ",\n  \"std_errors\": ", obj(f$names, f$se),
         ",\n  \"log_likelihood\": ", num(f$ll), ", \"iterations\": ", f$iter, "}")
}
g <- fit_one("german_credit_encoded.csv")
c1 <- fit_one("credit_data_encoded.csv")
c2 <- fit_one("credit_data_encoded.csv", weights = "w")
d <- read.csv("german_credit_encoded.csv", check.names = FALSE)
X <- cbind(1, as.matrix(d[, -1]))
timing <- system.time(for (i in 1:50) glm.fit(X, d$bad, family = binomial()))[["elapsed"]] / 50
out <- paste0("{\"generator\": \"make_reference.R\", \"r\": \"", R.version.string, "\",\n",
              "\"timing_note\": \"glm.fit(X, y, family = binomial()) on german_credit_encoded.csv, default control: ",
              sprintf("%.2f", timing * 1000), " ms mean of 50 (informational)\",\n",
              "\"fits\": {\n\"german_credit\": ", fit_json(g), ",\n\"credit_data\": ", fit_json(c1),
              ",\n\"credit_data_weighted\": ", fit_json(c2), "}}\n")
writeLines(out, "reference_r.json", sep = "")
cat(sprintf("glm.fit timing: %.2f ms\n", timing * 1000))
