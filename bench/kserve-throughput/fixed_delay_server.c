/*
 * A KServe v2 endpoint on 127.0.0.1 whose every inference answer leaves exactly DELAY_MS after
 * its request arrived, and which costs next to nothing else: one thread, epoll, nanosecond
 * timeouts (epoll_pwait2) with the timer slack set to 1 ns. It is the benchmark's yardstick: a
 * server that adds nothing to its fixed delay, so all that separates a client from the ideal
 * concurrency / delay is the client (and the machine it shares).
 *
 * It answers GET .../ready and GET /v2/models/{model} with 200, and POST .../infer with ten
 * logits per example, the batch size read from the request's first "shape" array. HTTP/1.1
 * keep-alive with Content-Length bodies, pipelining allowed. Prints its port, then serves.
 *   cc -O2 -o fixed_delay_server fixed_delay_server.c && ./fixed_delay_server DELAY_MS
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FDS 65536

typedef struct {
  char *in;
  size_t in_len, in_cap;
  char *out; /* bytes a full socket would not take yet */
  size_t out_len;
  unsigned generation; /* bumped on close, so answers due to a closed connection are dropped */
} connection;

typedef struct answer {
  long long due_ns;
  int fd;
  unsigned generation;
  char *bytes;
  size_t len;
  struct answer *next;
} answer;

static connection connections[MAX_FDS];
/* Every answer waits the same delay, so arrival order is due order: a FIFO is a timer queue. */
static answer *first, *last;
static int epoll_fd;

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void close_connection(int fd) {
  connection *c = &connections[fd];
  epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, NULL);
  close(fd);
  free(c->in);
  free(c->out);
  unsigned generation = c->generation + 1;
  memset(c, 0, sizeof *c);
  c->generation = generation;
}

static void send_bytes(int fd, const char *bytes, size_t len) {
  connection *c = &connections[fd];
  if (c->out_len == 0) {
    ssize_t n = write(fd, bytes, len);
    if (n < 0 && errno != EAGAIN) {
      close_connection(fd);
      return;
    }
    n = n < 0 ? 0 : n;
    bytes += n;
    len -= (size_t) n;
  }
  if (len > 0) {
    c->out = realloc(c->out, c->out_len + len);
    memcpy(c->out + c->out_len, bytes, len);
    c->out_len += len;
    struct epoll_event event = {.events = EPOLLIN | EPOLLOUT, .data.fd = fd};
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &event);
  }
}

static char *http_answer(const char *body, size_t *len) {
  size_t body_len = strlen(body);
  char *bytes = malloc(body_len + 128);
  *len = (size_t) sprintf(bytes, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                          body_len, body);
  return bytes;
}

static char *inference_answer(const char *request, size_t request_len, size_t *len) {
  long rows = 1;
  const char *shape = memmem(request, request_len, "\"shape\"", 7);
  if (shape != NULL) {
    const char *bracket = memchr(shape, '[', request_len - (size_t) (shape - request));
    if (bracket != NULL) {
      rows = strtol(bracket + 1, NULL, 10);
    }
  }
  rows = rows < 1 ? 1 : rows;
  /* The request's id, echoed as the protocol requires (Flipgate refuses an answer without it). */
  char id[129] = "";
  const char *id_key = memmem(request, request_len, "{\"id\":\"", 7);
  if (id_key != NULL) {
    const char *start = id_key + 7;
    const char *quote = memchr(start, '"', request_len - (size_t) (start - request));
    size_t id_len = quote == NULL ? 0 : (size_t) (quote - start);
    if (id_len < sizeof id) {
      memcpy(id, start, id_len);
      id[id_len] = '\0';
    }
  }
  char *body = malloc(256 + (size_t) rows * 20);
  int at = sprintf(body, "{\"id\":\"%s\",\"outputs\":[{\"name\":\"out\",\"datatype\":\"FP32\",\"shape\":[%ld,10],\"data\":[",
                   id, rows);
  for (long r = 0; r < rows; r++) {
    at += sprintf(body + at, "%s9,0,0,0,0,0,0,0,0,0", r == 0 ? "" : ",");
  }
  strcpy(body + at, "]}]}");
  char *bytes = http_answer(body, len);
  free(body);
  return bytes;
}

/* Answers every whole request in the connection's buffer; returns 0 when the connection closed. */
static int serve_requests(int fd, long long delay_ns) {
  connection *c = &connections[fd];
  for (;;) {
    char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    if (end == NULL) {
      return 1;
    }
    size_t head_len = (size_t) (end - c->in) + 4;
    size_t body_len = 0;
    for (char *line = strstr(c->in, "\r\n"); line != NULL && line < end; line = strstr(line + 2, "\r\n")) {
      if (strncasecmp(line + 2, "Content-Length:", 15) == 0) {
        body_len = strtoul(line + 17, NULL, 10);
      }
    }
    if (c->in_len < head_len + body_len) {
      return 1;
    }
    int is_infer = strncmp(c->in, "POST ", 5) == 0 && memmem(c->in, head_len, "/infer ", 7) != NULL;
    size_t len;
    if (is_infer) {
      answer *a = malloc(sizeof *a);
      a->bytes = inference_answer(c->in + head_len, body_len, &len);
      a->len = len;
      a->due_ns = now_ns() + delay_ns;
      a->fd = fd;
      a->generation = c->generation;
      a->next = NULL;
      if (last != NULL) {
        last->next = a;
      } else {
        first = a;
      }
      last = a;
    }
    memmove(c->in, c->in + head_len + body_len, c->in_len - head_len - body_len);
    c->in_len -= head_len + body_len;
    c->in[c->in_len] = '\0';
    if (!is_infer) {
      char *bytes = http_answer("{\"name\":\"mnist-8\",\"versions\":[\"1\"],\"platform\":\"fixed-delay\"}", &len);
      send_bytes(fd, bytes, len);
      free(bytes);
      if (connections[fd].in == NULL) {
        return 0; /* the write failed and closed the connection */
      }
    }
  }
}

static void read_from(int fd, long long delay_ns) {
  connection *c = &connections[fd];
  for (;;) {
    if (c->in_cap - c->in_len < 16384) {
      c->in_cap = c->in_cap * 2 + 32768;
      c->in = realloc(c->in, c->in_cap + 1);
    }
    ssize_t n = read(fd, c->in + c->in_len, c->in_cap - c->in_len);
    if (n == 0 || (n < 0 && errno != EAGAIN)) {
      close_connection(fd);
      return;
    }
    if (n < 0) {
      return;
    }
    c->in_len += (size_t) n;
    c->in[c->in_len] = '\0';
    if (!serve_requests(fd, delay_ns)) {
      return;
    }
  }
}

static void flush_output(int fd) {
  connection *c = &connections[fd];
  ssize_t n = write(fd, c->out, c->out_len);
  if (n < 0 && errno != EAGAIN) {
    close_connection(fd);
    return;
  }
  n = n < 0 ? 0 : n;
  memmove(c->out, c->out + n, c->out_len - (size_t) n);
  c->out_len -= (size_t) n;
  if (c->out_len == 0) {
    struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &event);
  }
}

int main(int argc, char **argv) {
  long long delay_ns = (long long) ((argc > 1 ? atof(argv[1]) : 5.0) * 1e6);
  prctl(PR_SET_TIMERSLACK, 1UL); /* wake when asked, not up to 50 µs later */
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t address_len = sizeof address;
  if (bind(listener, (struct sockaddr *) &address, sizeof address) != 0 || listen(listener, 1024) != 0) {
    perror("fixed_delay_server: cannot listen on 127.0.0.1");
    return 1;
  }
  getsockname(listener, (struct sockaddr *) &address, &address_len);
  printf("%d\n", ntohs(address.sin_port));
  fflush(stdout);
  epoll_fd = epoll_create1(0);
  struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listener, &event);
  struct epoll_event events[256];
  for (;;) {
    struct timespec timeout, *wait = NULL;
    if (first != NULL) {
      long long left = first->due_ns - now_ns();
      left = left < 0 ? 0 : left;
      timeout.tv_sec = left / 1000000000LL;
      timeout.tv_nsec = left % 1000000000LL;
      wait = &timeout;
    }
    int ready = epoll_pwait2(epoll_fd, events, 256, wait, NULL);
    for (int i = 0; i < ready; i++) {
      int fd = events[i].data.fd;
      if (fd == listener) {
        int client;
        while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (client >= MAX_FDS) {
            close(client);
            continue;
          }
          setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          struct epoll_event client_event = {.events = EPOLLIN, .data.fd = client};
          epoll_ctl(epoll_fd, EPOLL_CTL_ADD, client, &client_event);
        }
      } else {
        if ((events[i].events & EPOLLOUT) && connections[fd].out_len > 0) {
          flush_output(fd);
        }
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
          read_from(fd, delay_ns);
        }
      }
    }
    long long now = now_ns();
    while (first != NULL && first->due_ns <= now) {
      answer *a = first;
      first = a->next;
      if (first == NULL) {
        last = NULL;
      }
      if (connections[a->fd].generation == a->generation && connections[a->fd].in != NULL) {
        send_bytes(a->fd, a->bytes, a->len);
      }
      free(a->bytes);
      free(a);
    }
  }
}
