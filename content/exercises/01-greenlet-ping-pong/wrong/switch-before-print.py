from greenlet import greenlet


def ping():
    for i in range(1, 4):
        print(f'ping {i}')
        gr_pong.switch()


def pong():
    for i in range(1, 4):
        # Mistake: switching away before printing, so pong always lags one round behind.
        gr_ping.switch()
        print(f'pong {i}')


gr_ping = greenlet(ping)
gr_pong = greenlet(pong)

gr_ping.switch()
print('main 结束')
