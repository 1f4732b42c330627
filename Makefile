# Hospital public-service portal.
#   make run    start the whole portal locally (http://127.0.0.1:8080)
#   make stop   stop what `make run` started
#   make test   every test: unit (C), HTTP, browser, and again under ASan+UBSan
#   make html   the Nu Html Checker over every page the HTTP tests visit
#   make bench  wrk against nginx on loopback
#   make bench-rush  the 07:00 rush: 1000 patients at once, each its own address
#   make fuzz   libFuzzer on the request parsing path and the HL7 parser, bounded time
#   make cluster / cluster-stop  three Galera nodes, three handler hosts, nginx
#   make test-cluster  the cluster tests in full
#   make bench-cluster one host and node against three hosts and nodes

CC      ?= cc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror \
           -Wformat=2 -Wshadow -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
           -Icgi/core -I/usr/include/ClearSilver -I/usr/include/mariadb
LDLIBS  = -lneo_cgi -lneo_cs -lneo_utl -lfcgi -lz -lmariadb -lsodium -lqrencode -lpng -ljansson -lcsv
# The two request servers allocate and free some 1,500 small blocks a page
# (ClearSilver's HDF nodes, escaped strings); mimalloc does that in a
# quarter fewer instructions than glibc's malloc.  Not under ASan, which
# brings its own.
ALLOCATOR ?= -lmimalloc

BUILD   ?= build
CORE_SRC = $(wildcard cgi/core/*.c)
# every service folder (cgi/<service>/) goes into the library; the two
# programs, the tools and the core are built on their own
SERVICE_SRC = $(filter-out cgi/core/% cgi/public/% cgi/office/% cgi/tools/%,$(wildcard cgi/*/*.c))
OFFICE_SRC = $(wildcard cgi/office/*.c)
# the pinyin reading tables, generated from installed Debian packages
PINYIN_DATA = $(BUILD)/gen/pinyin_data.c
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o) $(PINYIN_DATA:.c=.o)
SERVICE_OBJ = $(SERVICE_SRC:%.c=$(BUILD)/%.o)
PROGRAMS = $(BUILD)/portal-public $(BUILD)/portal-office $(BUILD)/portal-user $(BUILD)/portal-sender \
           $(BUILD)/portal-lis $(BUILD)/portal-lis-listener $(BUILD)/portal-fees

.PHONY: cluster cluster-stop test-cluster bench-cluster
.PHONY: all build asan run stop test html unit bench bench-rush fuzz clean deps
all build: $(PROGRAMS)

$(BUILD)/%.o: %.c cgi/core/portal.h $(wildcard cgi/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(PINYIN_DATA): cgi/tools/pinyin-gen.py cgi/core/pinyin-phrases.txt
	@mkdir -p $(dir $@)
	@echo "  GEN $@"
	@python3 cgi/tools/pinyin-gen.py $@.tmp && mv $@.tmp $@

$(PINYIN_DATA:.c=.o): $(PINYIN_DATA) cgi/core/pinyin.h
	@echo "  CC $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libportal.a: $(CORE_OBJ) $(SERVICE_OBJ)
	@ar rcs $@ $^

$(BUILD)/portal-public: $(BUILD)/cgi/public/main.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(ALLOCATOR)

$(BUILD)/portal-office: $(OFFICE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(ALLOCATOR)

$(BUILD)/portal-sender: $(BUILD)/cgi/tools/portal-sender.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# imports HL7 v2 results from the lab system (LIS)
$(BUILD)/portal-lis: $(BUILD)/cgi/tools/portal-lis.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# the LIS's HL7 v2 results over MLLP (TCP on loopback), the same import
$(BUILD)/portal-lis-listener: $(BUILD)/cgi/tools/portal-lis-listener.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# imports the HIS's price lists, fee items and deposits
$(BUILD)/portal-fees: $(BUILD)/cgi/tools/portal-fees.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/portal-user: $(BUILD)/cgi/tools/portal-user.o $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The same programs with AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	$(MAKE) BUILD=build/asan ALLOCATOR= CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" all build/asan/unit-tests

# ---- unit tests (Check) ----
UNIT_SRC = $(wildcard tests/unit/*.c)
$(BUILD)/unit-tests: $(UNIT_SRC) $(wildcard tests/unit/*.h) $(BUILD)/libportal.a
	@echo "  LD $@"
	@$(CC) $(CFLAGS) -o $@ $(UNIT_SRC) $(BUILD)/libportal.a $(LDLIBS) $(shell pkg-config --libs check)

unit: $(BUILD)/unit-tests
	cd tests/unit && ../../$(BUILD)/unit-tests

deps:
	@bash cgi/tools/install-deps.sh

run: deps all
	@bash cgi/tools/stack.sh start

stop:
	@bash cgi/tools/stack.sh stop

# the portal on three Galera nodes and three handler hosts (run/cluster/)
cluster: deps all
	@bash cgi/tools/cluster.sh start

cluster-stop:
	@bash cgi/tools/cluster.sh stop

test-cluster: deps all
	@PORTAL_CLUSTER_FULL=1 bash tests/cluster/run.sh

bench-cluster: deps all
	@bash tests/bench/cluster.sh

test: deps
	@bash tests/run-all.sh

html: deps all
	@bash tests/html/run.sh

bench: deps all
	@bash tests/bench/run.sh

bench-rush: deps all
	@bash tests/bench/rush.sh

fuzz: deps
	@bash tests/fuzz/run.sh

clean:
	rm -rf build
